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

                total += values.Length + bonus;

                Func<int, int> twice = x => x + x;
                Func<int, int> inc = x => x + 1, dec = x => x - 1, neg = x => -x, sq = x => x * x;
                int? maybe = flag ? twice(total) : null;
                var result = maybe ?? 0;
                return result;
            }

            int N() => 42;

            int bonus = 1;
        }
        """;

    [Fact]
    public void Flattened_tree_is_the_pre_order_walk_of_every_block_and_lambda_body()
    {
        foreach (var root in Roots())
        {
            Assert.Equal(root.DescendantsAndSelf().ToArray(), Enumerate(OperationWalk.DescendantsAndSelf(root)));
            Assert.Equal(root.Descendants().ToArray(), Enumerate(OperationWalk.Descendants(root)));
            foreach (var lambda in root.Descendants().OfType<IAnonymousFunctionOperation>())
            {
                Assert.Equal(lambda.Body.Descendants().ToArray(), Enumerate(OperationWalk.Descendants(lambda.Body)));
            }
        }
    }

    [Fact]
    public void Flattened_tree_keeps_each_operations_kind_its_invocations_and_what_they_call_in_order()
    {
        var members = 0;
        foreach (var root in Roots())
        {
            foreach (var part in root.DescendantsAndSelf().Where(o => o == root || o.Parent is IAnonymousFunctionOperation))
            {
                var flat = OperationWalk.Flat(part);
                var walked = part.DescendantsAndSelf().ToArray();
                Assert.Equal(walked.Select(o => o.Kind), Enumerable.Range(0, flat.Operations.Length).Select(flat.KindAt));
                Assert.Equal(walked.OfType<IInvocationOperation>(), flat.Invocations);
                Assert.Equal(walked.OfType<IInvocationOperation>().Select(i => i.TargetMethod), flat.TargetMethods);
                Assert.Equal(walked.OfType<IInvocationOperation>().Select(i => i.Type), flat.InvocationTypes);
                Assert.Equal(
                    walked.Where(o => o.Kind is OperationKind.PropertyReference or OperationKind.FieldReference).Select(o => o.Type),
                    flat.MemberReferenceTypes);
                members += flat.MemberReferenceTypes.Length;
            }
        }

        // The first method calls Where, Select and twice; kinds above a byte are kept as None.
        Assert.Equal(3, OperationWalk.Flat(Roots().First()).Invocations.Length);
        Assert.Equal(OperationKind.None, FlatTree.Compact((OperationKind)0x1FF) is var compact ? (OperationKind)compact : OperationKind.Invalid);
        Assert.Equal(OperationKind.Invocation, (OperationKind)FlatTree.Compact(OperationKind.Invocation));

        Assert.True(members >= 2, $"only {members} member reads seen");
    }

    [Fact]
    public void Kinds_the_flattener_treats_as_leaves_have_no_children_and_every_other_kind_is_walked()
    {
        const string Constructs = """
            using System;
            using System.Collections.Generic;
            class D
            {
                object M(object o, int[] items, ref int r)
                {
                    var text = "utf8"u8.ToArray();
                    _ = typeof(D);
                    var size = sizeof(int);
                    int value = default;
                    var local = default(string);
                    if (o is string s && o is not null && o is int or long) { }
                    switch (o) { case D: break; case var _: break; }
                    var (a, _) = (1, 2);
                    foreach (var item in items) { if (item > 0) continue; else break; }
                    ;
                    Func<int, int> f = this.N;
                    r = this.N(value) + size + a + text.Length + local!.Length;
                    return o switch { int i => i, _ => this };
                }

                int N(int x) => x;
            }
            """;
        var leaves = 0;
        foreach (var root in Roots(Source).Concat(Roots(Constructs)))
        {
            Assert.Equal(root.DescendantsAndSelf().ToArray(), Enumerate(OperationWalk.DescendantsAndSelf(root)));
            foreach (var operation in root.DescendantsAndSelf().Where(o => OperationWalk.IsLeaf(o.Kind)))
            {
                Assert.Empty(operation.ChildOperations);
                leaves++;
            }
        }

        Assert.True(leaves > 40, $"only {leaves} leaves seen");
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

        Assert.True(firstRoot == OperationWalk.DescendantsAndSelf(root));
        Assert.True(firstBlock == OperationWalk.DescendantsAndSelf(block));
        Assert.True(firstRoot != firstBlock);

        // A model that asks with GetRoot() shares the block's flattening.
        Assert.True(firstBlock == OperationWalk.Contents(root));
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

        // The graph's flow reads every local's values through the flow it was made from (it holds only what the graph adds).
        foreach (var local in root.Descendants().OfType<ILocalReferenceOperation>().Select(r => r.Local).Distinct(SymbolEqualityComparer.Default).Cast<ILocalSymbol>())
        {
            Assert.Subset(
                withGraph.ValuesOf(local).Select(v => v.Syntax).ToHashSet(),
                flow.ValuesOf(local).Select(v => v.Syntax).ToHashSet());
        }

        var returned = root.Descendants().OfType<IReturnOperation>().Last().ReturnedValue!;
        Assert.True(withGraph.Mentions(returned, op => op is IParameterReferenceOperation { Parameter.Name: "values" }));
    }

    [Fact]
    public void Mentions_follows_locals_and_answers_each_question_afresh_after_an_early_answer()
    {
        var root = Roots().First();
        var flow = LocalFlow.For(root, CancellationToken.None);
        var returned = root.Descendants().OfType<IReturnOperation>().Last().ReturnedValue!;
        bool IsParameter(IOperation op, string name) => op is IParameterReferenceOperation p && p.Parameter.Name == name;

        // result <- maybe <- flag ? twice(total) : null, total <- value <- values: found through four locals.
        Assert.True(flow.Mentions(returned, op => IsParameter(op, "values")));
        Assert.True(flow.Mentions(returned, op => IsParameter(op, "flag")));
        Assert.False(flow.Mentions(returned, op => op is ILiteralOperation { ConstantValue.Value: 7 }));

        // A barrier at the conditional stops the search before either parameter.
        Assert.False(flow.Mentions(returned, op => IsParameter(op, "values"), op => op is IConditionalOperation));

        // A question asked while another is being answered (a predicate that asks one) gets its own walk.
        var seen = 0;
        Assert.True(flow.Mentions(returned, op =>
            op is ILocalReferenceOperation { Local.Name: "total" } total &&
            flow.Mentions(total, inner => { seen++; return IsParameter(inner, "values"); })));
        Assert.True(seen > 0);

        // Every question after an early answer starts from nothing: nothing left pending or visited.
        Assert.False(flow.Mentions(returned, op => IsParameter(op, "missing")));
        Assert.True(flow.Mentions(returned, op => IsParameter(op, "values")));
    }

    [Fact]
    public void Attributes_and_parameter_defaults_hold_no_code_for_the_rules_to_walk()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            using System;
            class C
            {
                [Obsolete("old", DiagnosticId = "X1")]
                int M([System.ComponentModel.DefaultValue(3)] int count = 3) => count + N();

                int field = N();

                static int N() => 1;
            }
            """);
        var compilation = CSharpCompilation.Create("Blocks", new[] { tree }, TestReferences.NetCoreOnly, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();

        foreach (var attribute in root.DescendantNodes().OfType<AttributeSyntax>())
        {
            var operation = model.GetOperation(attribute)!;
            Assert.Equal(OperationKind.Attribute, operation.Kind);
            Assert.False(operation.HoldsCode());
        }

        Assert.False(model.GetOperation(root.DescendantNodes().OfType<EqualsValueClauseSyntax>().First(e => e.Parent is ParameterSyntax))!.HoldsCode());
        Assert.True(model.GetOperation(root.DescendantNodes().OfType<EqualsValueClauseSyntax>().First(e => e.Parent is VariableDeclaratorSyntax))!.HoldsCode());
        Assert.True(model.GetOperation(root.DescendantNodes().OfType<MethodDeclarationSyntax>().First())!.HoldsCode());
    }

    private static IOperation[] Enumerate(OperationArray operations) => Enumerate(operations.From(0));

    private static IOperation[] Enumerate(OperationArray.Sequence sequence)
    {
        var list = new System.Collections.Generic.List<IOperation>();
        foreach (var operation in sequence)
        {
            list.Add(operation);
        }

        return list.ToArray();
    }

    private static IOperation[] Roots(string source = Source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
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
