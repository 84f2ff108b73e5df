using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Tests.Verifiers;
using Xunit;

namespace PrivacyAnalyzers.Tests.Internals;

/// <summary>
/// The per-thread sharing of flattened method bodies and their local flow between rules: it must give exactly what a
/// fresh walk gives, and a flow handed to one rule must never be changed by another.
/// </summary>
public sealed class SharedTreeWalkTests
{
    private const string Source = """
        using System;
        using System.Linq;
        class C
        {
            int M(int[] values, bool flag)
            {
                var total = 0;
                foreach (var value in values.Where(v => v > 0).Select(v => { var doubled = v * 2; return doubled; }))
                {
                    total += flag ? value : -value;
                }

                Func<int, int> twice = x => x + x;
                Func<int, int> inc = x => x + 1, dec = x => x - 1, neg = x => -x, sq = x => x * x;
                int? maybe = flag ? twice(total) : null;
                var result = maybe ?? 0;
                return result;
            }

            int N() => 42;
        }
        """;

    [Fact]
    public void Flattened_tree_is_the_pre_order_walk_of_every_block_and_lambda_body()
    {
        foreach (var root in Roots())
        {
            Assert.Equal(root.DescendantsAndSelf().ToArray(), OperationWalk.DescendantsAndSelf(root));
            Assert.Equal(root.Descendants().ToArray(), Enumerate(OperationWalk.Descendants(root)));
            foreach (var lambda in root.Descendants().OfType<IAnonymousFunctionOperation>())
            {
                Assert.Equal(lambda.Body.Descendants().ToArray(), Enumerate(OperationWalk.Descendants(lambda.Body)));
            }
        }
    }

    [Fact]
    public void A_block_asked_for_again_after_its_lambda_bodies_is_not_flattened_again()
    {
        // The host hands rules the method body or, for a method with a block, that block (the root's child).
        var root = Roots().First();
        var block = ((IMethodBodyOperation)root).BlockBody!;
        var lambdas = root.Descendants().OfType<IAnonymousFunctionOperation>().ToArray();
        Assert.True(lambdas.Length > 4);

        var firstRoot = OperationWalk.DescendantsAndSelf(root);
        var firstBlock = OperationWalk.DescendantsAndSelf(block);
        foreach (var lambda in lambdas)
        {
            OperationWalk.DescendantsAndSelf(lambda.Body);
        }

        Assert.Same(firstRoot, OperationWalk.DescendantsAndSelf(root));
        Assert.Same(firstBlock, OperationWalk.DescendantsAndSelf(block));

        // A model that asks with GetRoot() shares the block's flattening.
        Assert.Same(firstBlock, OperationWalk.Contents(root));
    }

    [Fact]
    public void A_shared_flow_is_not_changed_by_adding_a_control_flow_graph_to_it()
    {
        var root = Roots().First();
        var flow = LocalFlow.For(root, CancellationToken.None);
        Assert.Same(flow, LocalFlow.For(root, CancellationToken.None));

        var graph = ControlFlowGraph.Create((IMethodBodyOperation)root);
        var withGraph = flow.With(graph, CancellationToken.None);
        var capture = graph.Blocks.SelectMany(b => b.Operations).SelectMany(o => o.DescendantsAndSelf()).OfType<IFlowCaptureOperation>().First();

        Assert.NotSame(flow, withGraph);
        Assert.NotEmpty(withGraph.ValuesOf(capture.Id));
        Assert.Empty(flow.ValuesOf(capture.Id));
        Assert.Same(flow, LocalFlow.For(root, CancellationToken.None));
    }

    private static IOperation[] Enumerate(OperationWalk.Sequence sequence)
    {
        var list = new System.Collections.Generic.List<IOperation>();
        foreach (var operation in sequence)
        {
            list.Add(operation);
        }

        return list.ToArray();
    }

    private static IOperation[] Roots()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var compilation = CSharpCompilation.Create(
            "Walk",
            new[] { tree },
            TestReferences.NetCoreOnly,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = compilation.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Select(m => model.GetOperation(m)!).ToArray();
    }
}
