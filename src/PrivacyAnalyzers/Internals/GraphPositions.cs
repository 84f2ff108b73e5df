using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// Where a control-flow graph evaluates its copies of the original operations, found in one walk of the graph:
/// for an operation of the original tree, the blocks whose operations (or branch value) contain a copy of it (same
/// syntax, same kind) and, in each, the index of the first operation that does (the branch value counts as last);
/// and the graph's lambdas by symbol. Asked for each of many operations of one function, a walk of the whole graph
/// per operation made a long method with thousands of them quadratic.
/// </summary>
internal sealed class GraphPositions
{
    // Per syntax node, the head of a chain of occurrences in `occurrences` (linked by Next, newest first).
    private readonly Dictionary<SyntaxNode, int> firstBySyntax = new();
    private readonly List<Occurrence> occurrences = new();
    private readonly Dictionary<IMethodSymbol, IFlowAnonymousFunctionOperation> lambdas = new(SymbolEqualityComparer.Default);

    public GraphPositions(ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        foreach (var block in graph.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operations = block.Operations;
            for (var position = 0; position < operations.Length; position++)
            {
                this.AddAll(operations[position], block.Ordinal, position);
            }

            if (block.BranchValue is { } branchValue)
            {
                this.AddAll(branchValue, block.Ordinal, operations.Length);
            }
        }
    }

    /// <summary>Every block that evaluates a copy of <paramref name="original"/>, in the graph's block order.</summary>
    public List<Place> PlacesOf(IOperation original)
    {
        var places = new List<Place>();
        if (original.Syntax is { } syntax && this.firstBySyntax.TryGetValue(syntax, out var index))
        {
            for (; index >= 0; index = this.occurrences[index].Next)
            {
                var occurrence = this.occurrences[index];
                if (occurrence.Kind == original.Kind)
                {
                    places.Add(occurrence.Place);
                }
            }

            // The chain is newest first.
            places.Reverse();
        }

        return places;
    }

    /// <summary>The graph's operation for the lambda <paramref name="symbol"/>, whose own graph the graph can give.</summary>
    public IFlowAnonymousFunctionOperation? LambdaOf(IMethodSymbol symbol) =>
        this.lambdas.TryGetValue(symbol, out var lambda) ? lambda : null;

    private void AddAll(IOperation operation, int block, int position)
    {
        // Roslyn's own walk, not OperationWalk: a graph's operations are walked once here, and keeping them among
        // the recent trees would only push out the method bodies the rules share.
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IFlowAnonymousFunctionOperation lambda && !this.lambdas.ContainsKey(lambda.Symbol))
            {
                this.lambdas.Add(lambda.Symbol, lambda);
            }

            this.Add(descendant, block, position);
        }
    }

    private void Add(IOperation operation, int block, int position)
    {
        var syntax = operation.Syntax;
        var kind = operation.Kind;
        var head = this.firstBySyntax.TryGetValue(syntax, out var first) ? first : -1;

        // Only the first operation of a block that contains a copy counts; later ones of the same block are skipped.
        for (var index = head; index >= 0; index = this.occurrences[index].Next)
        {
            var known = this.occurrences[index];
            if (known.Place.Block == block && known.Kind == kind)
            {
                return;
            }

            if (known.Place.Block != block)
            {
                // Blocks are walked in order: an occurrence of an earlier block means none of this block precedes it.
                break;
            }
        }

        this.occurrences.Add(new Occurrence(kind, new Place(block, position), head));
        this.firstBySyntax[syntax] = this.occurrences.Count - 1;
    }

    /// <summary>A block that evaluates a copy of an operation, and the index of the first of its operations that contains it.</summary>
    public readonly struct Place
    {
        public Place(int block, int position)
        {
            this.Block = block;
            this.Position = position;
        }

        /// <summary>The block's ordinal.</summary>
        public int Block { get; }

        /// <summary>The index among the block's operations; the operation count for its branch value.</summary>
        public int Position { get; }
    }

    private readonly struct Occurrence
    {
        public Occurrence(OperationKind kind, Place place, int next)
        {
            this.Kind = kind;
            this.Place = place;
            this.Next = next;
        }

        public OperationKind Kind { get; }

        public Place Place { get; }

        /// <summary>The previous occurrence of the same syntax, or -1.</summary>
        public int Next { get; }
    }
}
