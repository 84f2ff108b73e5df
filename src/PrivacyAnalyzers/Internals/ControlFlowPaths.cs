using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyAnalyzers.Internals;

/// <summary>The value of a condition under an assumption: known true, known false, or either.</summary>
internal enum Truth
{
    Unknown,
    True,
    False,
}

/// <summary>
/// "Is this operation guarded on every path?" answered on the <see cref="ControlFlowGraph"/>. The question is turned
/// around: can a target operation be reached from the entry when every check fails? Conditions are evaluated by the
/// caller under that assumption (<see cref="Truth.Unknown"/> follows both branches), and a barrier operation (a call
/// that throws when the check fails, an audit call that must come first) ends the path. Catch, filter and finally
/// handlers are reachable whenever their try block is, since any operation in it may throw.
/// </summary>
internal static class ControlFlowPaths
{
    private static readonly ConditionalWeakTable<ControlFlowGraph, Dictionary<IMethodSymbol, IFlowAnonymousFunctionOperation>> AnonymousFunctionsByGraph = new();

    public static bool CanReach(
        ControlFlowGraph graph,
        Func<IOperation, bool> isTarget,
        Func<IOperation, bool> isBarrier,
        Func<IOperation, Truth> evaluate,
        CancellationToken cancellationToken)
    {
        var visited = new bool[graph.Blocks.Length];
        var queue = new Queue<BasicBlock>();

        void Enqueue(BasicBlock? block)
        {
            if (block is not null && !visited[block.Ordinal])
            {
                visited[block.Ordinal] = true;
                queue.Enqueue(block);
            }
        }

        Enqueue(graph.Blocks[0]);
        while (queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = queue.Dequeue();
            EnqueueHandlers(graph, block, Enqueue);

            var stopped = false;
            foreach (var operation in block.Operations)
            {
                if (isBarrier(operation))
                {
                    stopped = true;
                    break;
                }

                if (isTarget(operation))
                {
                    return true;
                }
            }

            if (stopped)
            {
                continue;
            }

            if (block.BranchValue is { } value)
            {
                if (block.ConditionKind == ControlFlowConditionKind.None && isBarrier(value))
                {
                    continue;
                }

                if (isTarget(value))
                {
                    return true;
                }
            }

            if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is null)
            {
                Enqueue(block.FallThroughSuccessor?.Destination);
                continue;
            }

            var truth = evaluate(block.BranchValue);
            var takenWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
            if (truth == Truth.Unknown)
            {
                Enqueue(block.ConditionalSuccessor?.Destination);
                Enqueue(block.FallThroughSuccessor?.Destination);
            }
            else if ((truth == Truth.True) == takenWhenTrue)
            {
                Enqueue(block.ConditionalSuccessor?.Destination);
            }
            else
            {
                Enqueue(block.FallThroughSuccessor?.Destination);
            }
        }

        return false;
    }

    /// <summary>Negation and the boolean operators over three values.</summary>
    public static Truth Not(Truth value) => value switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    public static Truth And(Truth left, Truth right) =>
        left == Truth.False || right == Truth.False ? Truth.False
        : left == Truth.True && right == Truth.True ? Truth.True
        : Truth.Unknown;

    public static Truth Or(Truth left, Truth right) =>
        left == Truth.True || right == Truth.True ? Truth.True
        : left == Truth.False && right == Truth.False ? Truth.False
        : Truth.Unknown;

    /// <summary>
    /// Evaluates <paramref name="condition"/> given how <paramref name="leaf"/> evaluates its atoms: handles <c>!</c>,
    /// <c>&amp;&amp;</c>, <c>||</c>, comparisons with <c>true</c>/<c>false</c>, parentheses, conversions and flow captures.
    /// </summary>
    public static Truth Evaluate(IOperation condition, Func<IOperation, Truth> leaf, LocalFlow flow, int depth = 0)
    {
        if (depth > 16)
        {
            return Truth.Unknown;
        }

        var atom = leaf(condition);
        if (atom != Truth.Unknown)
        {
            return atom;
        }

        switch (condition)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, leaf, flow, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand, leaf, flow, depth + 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Not(Evaluate(not.Operand, leaf, flow, depth + 1));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction when IsBoolean(conjunction):
                return And(Evaluate(conjunction.LeftOperand, leaf, flow, depth + 1), Evaluate(conjunction.RightOperand, leaf, flow, depth + 1));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction when IsBoolean(disjunction):
                return Or(Evaluate(disjunction.LeftOperand, leaf, flow, depth + 1), Evaluate(disjunction.RightOperand, leaf, flow, depth + 1));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison when IsBoolean(comparison.LeftOperand) && IsBoolean(comparison.RightOperand):
                var negate = comparison.OperatorKind == BinaryOperatorKind.NotEquals;
                Truth result;
                if (ConstantValues.TryGetBoolean(comparison.RightOperand, out var right))
                {
                    result = Evaluate(comparison.LeftOperand, leaf, flow, depth + 1);
                    result = right ? result : Not(result);
                }
                else if (ConstantValues.TryGetBoolean(comparison.LeftOperand, out var left))
                {
                    result = Evaluate(comparison.RightOperand, leaf, flow, depth + 1);
                    result = left ? result : Not(result);
                }
                else
                {
                    return Truth.Unknown;
                }

                return negate ? Not(result) : result;
            case IFlowCaptureReferenceOperation capture:
                return Combine(flow.ValuesOf(capture.Id), leaf, flow, depth);
            case ILocalReferenceOperation local when local.Local.Type.SpecialType == SpecialType.System_Boolean:
                return Combine(flow.ValuesOf(local.Local), leaf, flow, depth);
            default:
                return Truth.Unknown;
        }
    }

    private static Truth Combine(IReadOnlyList<IOperation> values, Func<IOperation, Truth> leaf, LocalFlow flow, int depth)
    {
        if (values.Count == 0)
        {
            return Truth.Unknown;
        }

        var result = Evaluate(values[0], leaf, flow, depth + 1);
        for (var i = 1; i < values.Count && result != Truth.Unknown; i++)
        {
            if (Evaluate(values[i], leaf, flow, depth + 1) != result)
            {
                return Truth.Unknown;
            }
        }

        return result;
    }

    private static bool IsBoolean(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_Boolean;

    private static void EnqueueHandlers(ControlFlowGraph graph, BasicBlock block, Action<BasicBlock?> enqueue)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } tryAndHandlers)
            {
                continue;
            }

            foreach (var handler in tryAndHandlers.NestedRegions)
            {
                if (handler.Kind != ControlFlowRegionKind.Try)
                {
                    enqueue(graph.Blocks[handler.FirstBlockOrdinal]);
                }
            }
        }
    }

    /// <summary>The graph of the lambda <paramref name="lambda"/> declared in <paramref name="graph"/> (or in a lambda or local function nested in it).</summary>
    public static ControlFlowGraph? FindAnonymousFunctionGraph(ControlFlowGraph graph, IMethodSymbol lambda, CancellationToken cancellationToken, int depth = 0)
    {
        if (depth > 4)
        {
            return null;
        }

        // The lambdas of a graph are indexed once: a method that maps thousands of endpoints asks for each of them,
        // and searching the graph from its start every time made that quadratic.
        var functions = AnonymousFunctionsOf(graph);
        if (functions.TryGetValue(lambda, out var function))
        {
            return graph.GetAnonymousFunctionControlFlowGraph(function, cancellationToken);
        }

        foreach (var nested in functions.Values)
        {
            if (FindAnonymousFunctionGraph(graph.GetAnonymousFunctionControlFlowGraph(nested, cancellationToken), lambda, cancellationToken, depth + 1) is { } found)
            {
                return found;
            }
        }

        foreach (var local in graph.LocalFunctions)
        {
            if (FindAnonymousFunctionGraph(graph.GetLocalFunctionControlFlowGraph(local, cancellationToken), lambda, cancellationToken, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The lambdas declared directly in <paramref name="graph"/> (not in its nested graphs), by symbol.</summary>
    private static Dictionary<IMethodSymbol, IFlowAnonymousFunctionOperation> AnonymousFunctionsOf(ControlFlowGraph graph) =>
        AnonymousFunctionsByGraph.GetValue(graph, static graph =>
        {
            var functions = new Dictionary<IMethodSymbol, IFlowAnonymousFunctionOperation>(SymbolEqualityComparer.Default);
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    AddFunctions(operation, functions);
                }

                if (block.BranchValue is { } value)
                {
                    AddFunctions(value, functions);
                }
            }

            return functions;
        });

    private static void AddFunctions(IOperation root, Dictionary<IMethodSymbol, IFlowAnonymousFunctionOperation> functions)
    {
        foreach (var part in root.DescendantsAndSelf())
        {
            if (part is IFlowAnonymousFunctionOperation function && !functions.ContainsKey(function.Symbol))
            {
                functions.Add(function.Symbol, function);
            }
        }
    }
}

