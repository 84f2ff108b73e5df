using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.RecordingAccess;

/// <summary>
/// PRIV003: an endpoint that returns, streams or archives a collection of recordings read from storage (a
/// <c>DbSet</c> query, a repository call) with no filter involving the current user: an "export all". Whether the
/// endpoint requires authorization does not matter (a role does not scope a query), so this rule decides per method
/// and is not a compilation-end diagnostic. Minimal-API handlers passed as method groups are not analyzed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnscopedRecordingCollectionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnscopedRecordingCollection);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeHandling.SkipGeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var endpoints = EndpointModel.For(start.Compilation);
            if (!endpoints.IsAvailable)
            {
                return;
            }

            var queries = RecordingQueryModel.For(start.Compilation);
            var content = ResponseContentModel.For(start.Compilation);
            var types = WellKnownTypes.For(start.Compilation);
            var zip = (types.Get(WellKnownTypeNames.SystemIOCompressionZipArchive), types.Get(WellKnownTypeNames.SystemIOCompressionZipFileExtensions));
            var recordings = new PerOptions<RecordingModel>();
            start.RegisterOperationBlockAction(context => Analyze(context, endpoints, queries, content, zip, recordings));
        });
    }

    private static void Analyze(
        OperationBlockAnalysisContext context,
        EndpointModel endpoints,
        RecordingQueryModel queries,
        ResponseContentModel content,
        (INamedTypeSymbol? Archive, INamedTypeSymbol? Extensions) zip,
        PerOptions<RecordingModel> recordingsByOptions)
    {
        if (context.OwningSymbol is not IMethodSymbol method)
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            if (!block.HoldsCode())
            {
                continue;
            }

            // Options are fixed for one compilation analysis: read them once per options object.
            var recordings = recordingsByOptions.For(
                context.Options,
                block.Syntax.SyntaxTree,
                context.Compilation,
                static (options, tree, compilation) => RecordingModel.For(compilation, options, DiagnosticIds.UnscopedRecordingCollection, tree));

            // Most blocks hold no handler (a few flag and name tests, and a name test per call, say so), and most
            // handlers never read a collection of recordings (the element type of every call and member read says so):
            // then no query can be found, and no endpoint or flow is needed.
            if (!endpoints.MayHoldHandlers(method, block) || !MayQueryRecordings(block, recordings) ||
                endpoints.HandlersIn(method, block) is not { } handlers)
            {
                continue;
            }

            ReportUnscopedHandlers(context, block, handlers, recordings, queries, content, zip);
        }
    }

    /// <summary>Reports each handler in <paramref name="block"/> that exposes an unscoped collection query of recordings.</summary>
    /// <remarks>
    /// Apart from <see cref="Analyze"/>: its predicates capture locals, and the closure they share is allocated where
    /// those locals come into scope, which in the loop above would be once for every block, even those that stop early.
    /// </remarks>
    private static void ReportUnscopedHandlers(
        OperationBlockAnalysisContext context,
        IOperation block,
        List<Endpoint> handlers,
        RecordingModel recordings,
        RecordingQueryModel queries,
        ResponseContentModel content,
        (INamedTypeSymbol? Archive, INamedTypeSymbol? Extensions) zip)
    {
        var currentUser = CurrentUserModel.For(context.Compilation, context.Options, DiagnosticIds.UnscopedRecordingCollection, block.Syntax.SyntaxTree);
        var flow = LocalFlow.For(block, context.CancellationToken);

        bool IsCollection(IOperation operation)
        {
            var type = operation.Type is { } t ? t.UnwrapTask() : null;
            if (type is null || type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            if (recordings.GetRecordingElementType(type) is not null)
            {
                return true;
            }

            if (type is INamedTypeSymbol named)
            {
                // Asked of most operations a flow search visits: the interfaces are read from the definition, once.
                return recordings.IsSequence(named) || recordings.ImplementsSequence(named);
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (recordings.IsSequence(implemented))
                {
                    return true;
                }
            }

            return false;
        }

        // The query the last exposure found, for the message: a projection (db.Recordings.Select(r => r.Id)) exposes
        // values of recordings, not the recordings themselves.
        IOperation? exposed = null;
        bool IsUnscopedQuery(IOperation operation)
        {
            if (IsCollection(operation) &&
                queries.IsCollectionQuery(operation, recordings, flow, out var filters) &&
                !RecordingQueryModel.FiltersByCurrentUser(filters, currentUser, flow))
            {
                exposed = operation;
                return true;
            }

            return false;
        }

        // Below a collection (judged as a whole) or an aggregate of one (Count, Find, First...) nothing is exposed as a collection.
        bool IsBarrier(IOperation operation) =>
            IsCollection(operation) ||
            (operation is IInvocationOperation call && call.GetReceiver() is { } receiver && IsCollection(receiver.WalkDownConversions()));

        bool Exposes(IOperation value)
        {
            exposed = null;
            return flow.Mentions(value, IsUnscopedQuery, IsBarrier);
        }

        foreach (var handler in handlers)
        {
            if (Find(handler.Body!, Exposes, content, zip) is { } how)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnscopedRecordingCollection, handler.Location, handler.Name, how, WhatIsExposed(exposed, recordings)));
            }
        }
    }

    /// <summary>"recordings", or what a projection of them holds ("'Guid' values of recordings").</summary>
    private static string WhatIsExposed(IOperation? query, RecordingModel recordings)
    {
        var type = query?.Type?.UnwrapTask();
        if (type is null || recordings.GetRecordingElementType(type) is not null || recordings.GetElementType(type) is not { } element)
        {
            return "recordings";
        }

        return element.IsAnonymousType
            ? "values of recordings"
            : "'" + element.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' values of recordings";
    }

    /// <summary>
    /// False when no operation of <paramref name="block"/> can be where a collection query of recordings starts (a
    /// <c>DbSet</c> member, <c>Set&lt;T&gt;()</c>, a repository call returning recordings): every query the analysis follows,
    /// through conversions, awaits, LINQ receivers and locals of the block, is rooted at such an operation in the block.
    /// </summary>
    private static bool MayQueryRecordings(IOperation block, RecordingModel recordings)
    {
        // The methods and types the flattener kept: no call or member read is fetched from memory again.
        var tree = OperationWalk.Flat(block);
        for (var i = 0; i < tree.TargetMethods.Length; i++)
        {
            var target = tree.TargetMethods[i];
            if ((target.IsGenericMethod && target.Name == "Set" && recordings.IsRecordingType(target.TypeArguments[0])) ||
                recordings.GetRecordingElementType(tree.InvocationTypes[i]?.UnwrapTask()) is not null)
            {
                return true;
            }
        }

        foreach (var type in tree.MemberReferenceTypes)
        {
            if (recordings.GetRecordingElementType(type) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"returns", "archives" or "streams" when the body exposes an unscoped query that way; null otherwise.</summary>
    private static string? Find(
        IOperation body,
        System.Func<IOperation, bool> exposes,
        ResponseContentModel content,
        (INamedTypeSymbol? Archive, INamedTypeSymbol? Extensions) zip)
    {
        foreach (var operation in OperationWalk.Descendants(body))
        {
            switch (operation)
            {
                case IReturnOperation { ReturnedValue: { } value } returned when returned.BelongsTo(body) && exposes(value):
                    return returned.Kind == OperationKind.YieldReturn ? "streams" : "returns";

                case IForEachLoopOperation loop when loop.BelongsTo(body) && exposes(loop.Collection):
                    foreach (var part in loop.Body.DescendantsAndSelf())
                    {
                        if (part is IInvocationOperation call &&
                            (call.TargetMethod.ContainingType.IsOrDerivesFrom(zip.Archive) || SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, zip.Extensions)) &&
                            call.TargetMethod.Name.StartsWith("CreateEntry", System.StringComparison.Ordinal))
                        {
                            return "archives";
                        }

                        if (part.Kind == OperationKind.YieldReturn || content.AsSink(part) is { IsLink: false })
                        {
                            return "streams";
                        }
                    }

                    break;
            }
        }

        return null;
    }
}
