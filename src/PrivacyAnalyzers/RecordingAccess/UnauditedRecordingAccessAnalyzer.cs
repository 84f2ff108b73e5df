using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.RecordingAccess;

/// <summary>
/// PRIV004 (opt-in): an endpoint that serves recording content where some path reaches the content without first
/// calling one of the configured <c>audit_methods</c>. Decided on the control flow graph: the content must be
/// unreachable once every audit call is removed from the paths. With no audit method configured every endpoint that
/// serves recording content is reported. Minimal-API handlers passed as method groups are not analyzed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnauditedRecordingAccessAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnauditedRecordingAccess);

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

            var content = ResponseContentModel.For(start.Compilation);
            start.RegisterOperationBlockAction(context => Analyze(context, endpoints, content));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, EndpointModel endpoints, ResponseContentModel content)
    {
        if (context.OwningSymbol is not IMethodSymbol method)
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            if (block is not (IMethodBodyOperation or IBlockOperation))
            {
                continue;
            }

            if (endpoints.HandlersIn(method, block) is not { } handlers)
            {
                continue;
            }

            var tree = block.Syntax.SyntaxTree;
            var recordings = RecordingModel.For(context.Compilation, context.Options, DiagnosticIds.UnauditedRecordingAccess, tree);
            var audits = PrivacyOptions.AuditMethods.ReadSymbols(context.Options, DiagnosticIds.UnauditedRecordingAccess, tree, context.Compilation);
            ControlFlowGraph? graph = null;
            foreach (var handler in handlers)
            {
                if (!HasSink(handler.Body!, content))
                {
                    continue;
                }

                graph ??= context.GetControlFlowGraph(block);
                var handlerGraph = handler.MapInvocation is null
                    ? graph
                    : ControlFlowPaths.FindAnonymousFunctionGraph(graph, handler.Handler, context.CancellationToken);
                if (handlerGraph is null)
                {
                    continue;
                }

                var flow = LocalFlow.For(block, context.CancellationToken).With(handlerGraph, context.CancellationToken);
                var media = content.SetsMediaContentType(handler.Body!);
                var targets = FindRecordingContent(handlerGraph, content, recordings, flow, media);
                if (targets.Count == 0)
                {
                    continue;
                }

                bool IsAudit(IOperation operation)
                {
                    foreach (var part in operation.DescendantsAndSelf())
                    {
                        if (part is IInvocationOperation call && audits.Contains(call.TargetMethod))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (ControlFlowPaths.CanReach(handlerGraph, targets.Contains, IsAudit, static _ => Truth.Unknown, context.CancellationToken))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnauditedRecordingAccess, handler.Location, handler.Name));
                }
            }
        }
    }

    private static bool HasSink(IOperation body, ResponseContentModel content)
    {
        foreach (var _ in content.FindSinks(body))
        {
            return true;
        }

        return false;
    }

    /// <summary>The operations of the graph that send recording content or a link to it.</summary>
    private static HashSet<IOperation> FindRecordingContent(ControlFlowGraph graph, ResponseContentModel content, RecordingModel recordings, LocalFlow flow, bool media)
    {
        var targets = new HashSet<IOperation>();
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                foreach (var part in operation.DescendantsAndSelf())
                {
                    if (content.AsSink(part) is { } sink && ResponseContentModel.ServesRecording(sink, recordings, flow, media))
                    {
                        targets.Add(operation);
                        break;
                    }
                }
            }

            if (block.BranchValue is { } value && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                var sink = content.AsSink(value.WalkDownConversions()) ?? content.AsReturnedLink(value);
                if (sink is not null && ResponseContentModel.ServesRecording(sink, recordings, flow, media))
                {
                    targets.Add(value);
                }
            }
        }

        return targets;
    }
}
