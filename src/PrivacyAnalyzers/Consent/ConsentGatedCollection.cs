using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Consent;

/// <summary>
/// The analysis PRIV020 and PRIV030 share: find the sources of one kind of data in each operation block, and
/// only for a block that has one, judge them by its statements or, where those do not tell, by its control-flow
/// graph, and report the sources no consent check guards.
/// A compilation that references none of the source APIs (and configures none) registers nothing at all.
/// </summary>
internal static class ConsentGatedCollection
{
    private static readonly ImmutableArray<OperationKind> SourceKinds =
        ImmutableArray.Create(OperationKind.Invocation, OperationKind.EventAssignment);

    private static readonly ImmutableArray<OperationKind> SourceAndPropertyKinds =
        ImmutableArray.Create(OperationKind.Invocation, OperationKind.EventAssignment, OperationKind.PropertyReference);

    /// <summary>Registers the analysis, or nothing when the compilation cannot contain a source.</summary>
    /// <returns>Whether anything was registered.</returns>
    public static bool Register(
        CompilationStartAnalysisContext start,
        ICollectionSources sources,
        CollectedData data,
        DiagnosticDescriptor rule,
        AnalyzerOption<ImmutableArray<string>> sourcesOption)
    {
        if (!sources.HasBuiltInApis && !AnyFileConfigures(start.Compilation, start.Options, sourcesOption, rule.Id))
        {
            return false;
        }

        var consent = ConsentModel.For(start.Compilation, data);
        start.RegisterOperationBlockStartAction(blockStart =>
        {
            if (blockStart.OperationBlocks.IsEmpty)
            {
                return;
            }

            var tree = blockStart.OperationBlocks[0].Syntax.SyntaxTree;
            var configured = sourcesOption.ReadSymbols(blockStart.Options, rule.Id, tree, blockStart.Compilation);
            var found = new List<CollectionSource>();

            blockStart.RegisterOperationAction(
                context =>
                {
                    if (context.Operation is IPropertyReferenceOperation property && IsWritten(property))
                    {
                        return;
                    }

                    if (sources.Match(context.Operation, configured, context.CancellationToken) is { } source)
                    {
                        lock (found)
                        {
                            found.Add(source);
                        }
                    }
                },
                HasProperty(configured) ? SourceAndPropertyKinds : SourceKinds);

            blockStart.RegisterOperationBlockEndAction(context =>
            {
                // Sources are judged only here, only in a block that has one.
                if (found.Count == 0)
                {
                    return;
                }

                var settings = ConsentSettings.Read(context.Options, rule.Id, tree, context.Compilation);
                var properties = FixProperties(settings);
                var guard = new ConsentGuard(consent, settings, context.CancellationToken);
                foreach (var source in found)
                {
                    if (!IsGuarded(context, source.Operation, guard))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(rule, source.Operation.Syntax.GetLocation(), properties, source.Api, source.Collects));
                    }
                }
            });
        });
        return true;
    }

    private static bool AnyFileConfigures(Compilation compilation, AnalyzerOptions options, AnalyzerOption<ImmutableArray<string>> option, string ruleId)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!option.Read(options, ruleId, tree).IsDefaultOrEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGuarded(OperationBlockAnalysisContext context, IOperation source, ConsentGuard guard)
    {
        var block = FindBlock(context.OperationBlocks, source);
        if (block is null || !HasControlFlowGraph(block))
        {
            return false;
        }

        // Most sources are answered by the statements around them; the graph (costly on a long method) only when not.
        if (guard.IsGuardedByStatements(block, source) is { } answered)
        {
            return answered;
        }

        ControlFlowGraph graph = context.GetControlFlowGraph(block);
        return guard.IsGuarded(graph, block, source);
    }

    /// <summary>The operation block (a method body, a field initializer...) that contains <paramref name="source"/>.</summary>
    private static IOperation? FindBlock(ImmutableArray<IOperation> blocks, IOperation source)
    {
        for (var current = source; current is not null; current = current.Parent)
        {
            foreach (var block in blocks)
            {
                if (block == current)
                {
                    return block;
                }
            }
        }

        return null;
    }

    /// <summary>The roots <see cref="ControlFlowGraph.Create(IMethodBodyOperation, System.Threading.CancellationToken)"/> and its overloads accept.</summary>
    private static bool HasControlFlowGraph(IOperation block) =>
        block is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation or IFieldInitializerOperation
            or IPropertyInitializerOperation or IParameterInitializerOperation;

    /// <summary>The one configured consent check, for the code fix; none when zero or several are configured.</summary>
    private static ImmutableDictionary<string, string?> FixProperties(ConsentSettings settings) =>
        settings.CheckIds.Length == 1 && !settings.Checks.IsEmpty
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ConsentCheck, settings.CheckIds[0])
            : ImmutableDictionary<string, string?>.Empty;

    private static bool HasProperty(SymbolSet configured)
    {
        foreach (var symbol in configured.Symbols)
        {
            if (symbol is IPropertySymbol)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWritten(IPropertyReferenceOperation property) =>
        property.Parent is IAssignmentOperation assignment && assignment.Target == property;
}
