using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// Is a source guarded by consent? On the control-flow graph of the function that contains it (a lambda or a
/// local function has its own graph and is judged on its own), every branch whose condition is a consent check
/// has one outcome that means "consent given". The source is guarded when it cannot be reached from the
/// function's entry without taking such an outcome: with those edges removed, it is unreachable. This covers
/// <c>if (consent) { ... }</c>, <c>if (!consent) return;</c> / <c>throw</c>, <c>consent &amp;&amp; ...</c>,
/// <c>consent ? ... : ...</c>, <c>switch</c>, loops and <c>catch ... when (consent)</c>; a check whose result is
/// ignored, that comes after the source, or that guards only one of the paths to it does not guard.
/// A consent assertion (<c>EnsureConsent()</c>, which throws unless consent was given) ends the paths through
/// its block: what follows it in the block, and every block after, is reached only through it.
/// Exception handlers are reachable from anywhere in their <c>try</c> block.
/// </summary>
internal sealed class ConsentGuard
{
    private readonly ConsentModel consent;
    private readonly ConsentSettings settings;
    private readonly CancellationToken cancellationToken;
    private readonly Dictionary<ControlFlowGraph, FunctionPaths> functions = new();
    private readonly Dictionary<ControlFlowGraph, GraphPositions> positions = new();
    private readonly Dictionary<IOperation, ConsentStructure> structures = new();

    /// <param name="consent">What counts as a consent check for the rule.</param>
    /// <param name="settings">The options in force for the file.</param>
    public ConsentGuard(ConsentModel consent, ConsentSettings settings, CancellationToken cancellationToken)
    {
        this.consent = consent;
        this.settings = settings;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The answer of <see cref="IsGuarded"/> read from the statements of <paramref name="root"/> without a control-flow
    /// graph, or null when they do not tell (see <see cref="ConsentStructure"/>). Read once per block.
    /// </summary>
    /// <param name="root">The root of the operation block that contains <paramref name="source"/>.</param>
    public bool? IsGuardedByStatements(IOperation root, IOperation source)
    {
        if (!this.structures.TryGetValue(root, out var structure))
        {
            var evaluation = new ConsentEvaluation(this.settings, root, captures: null, this.cancellationToken);
            structure = ConsentStructure.Read(root, this.consent, evaluation, this.cancellationToken);
            this.structures[root] = structure;
        }

        return structure.IsGuarded(source);
    }

    /// <summary>
    /// True when every path from the entry of the function that contains <paramref name="source"/> to it passes
    /// through a "consent given" outcome or a consent assertion. The paths of each function are computed once
    /// per guard, however many sources it contains.
    /// </summary>
    /// <param name="graph">The control-flow graph of the operation block that contains <paramref name="source"/>.</param>
    /// <param name="root">The root of that operation block, in the original operation tree.</param>
    public bool IsGuarded(ControlFlowGraph graph, IOperation root, IOperation source)
    {
        var function = this.GetFunctionGraph(graph, root, source);
        if (function is null)
        {
            return false;
        }

        var places = this.PositionsIn(function).PlacesOf(source);
        if (places.Count == 0)
        {
            return false;
        }

        if (!this.functions.TryGetValue(function, out var paths))
        {
            var captures = new CaptureMap(function);
            var evaluation = new ConsentEvaluation(this.settings, root, captures.Get, this.cancellationToken);
            var barriers = FindAssertions(function, this.consent, evaluation);
            paths = new FunctionPaths(ReachableWithoutConsent(function, this.consent, evaluation, barriers, this.cancellationToken), barriers);
            this.functions[function] = paths;
        }

        foreach (var place in places)
        {
            // In a block with an assertion, a source after the assertion is guarded by it.
            var barrier = paths.Barriers[place.Block];
            if (paths.Reached[place.Block] && !(barrier >= 0 && place.Position > barrier))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where <paramref name="graph"/> evaluates each operation, found once per graph however many sources it has.</summary>
    private GraphPositions PositionsIn(ControlFlowGraph graph)
    {
        if (!this.positions.TryGetValue(graph, out var found))
        {
            found = new GraphPositions(graph, this.cancellationToken);
            this.positions[graph] = found;
        }

        return found;
    }

    /// <summary>For each block, the index of its first consent assertion among its operations, or -1.</summary>
    private static int[] FindAssertions(ControlFlowGraph graph, ConsentModel consent, ConsentEvaluation evaluation)
    {
        var barriers = new int[graph.Blocks.Length];
        foreach (var block in graph.Blocks)
        {
            barriers[block.Ordinal] = -1;
            for (var i = 0; i < block.Operations.Length; i++)
            {
                if (consent.IsAssertion(block.Operations[i], evaluation))
                {
                    barriers[block.Ordinal] = i;
                    break;
                }
            }
        }

        return barriers;
    }

    /// <summary>The graph of the innermost lambda or local function around <paramref name="source"/>, or of the block itself.</summary>
    private ControlFlowGraph? GetFunctionGraph(ControlFlowGraph graph, IOperation root, IOperation source)
    {
        var functions = new Stack<IOperation>();
        for (var current = source.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                functions.Push(current);
            }
        }

        var result = graph;
        while (functions.Count > 0)
        {
            result = functions.Pop() switch
            {
                ILocalFunctionOperation local => GetLocalFunctionGraph(result, local.Symbol, this.cancellationToken),
                IAnonymousFunctionOperation lambda => this.PositionsIn(result).LambdaOf(lambda.Symbol) is { } flowLambda
                    ? result.GetAnonymousFunctionControlFlowGraph(flowLambda, this.cancellationToken)
                    : null,
                _ => null,
            };

            if (result is null)
            {
                return null;
            }
        }

        return result;
    }

    private static ControlFlowGraph? GetLocalFunctionGraph(ControlFlowGraph graph, IMethodSymbol symbol, CancellationToken cancellationToken)
    {
        foreach (var local in graph.LocalFunctions)
        {
            if (SymbolEqualityComparer.Default.Equals(local, symbol))
            {
                return graph.GetLocalFunctionControlFlowGraph(local, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>The blocks reachable from the entry without taking the "consent given" outcome of any check or passing an assertion.</summary>
    private static bool[] ReachableWithoutConsent(ControlFlowGraph graph, ConsentModel consent, ConsentEvaluation evaluation, int[] barriers, CancellationToken cancellationToken)
    {
        var reached = new bool[graph.Blocks.Length];
        var enteredTry = new HashSet<ControlFlowRegion>();
        var work = new Stack<BasicBlock>();
        Reach(graph.Blocks[0]);

        while (work.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = work.Pop();
            EnterHandlers(block);
            if (barriers[block.Ordinal] >= 0)
            {
                // Past the assertion, consent was given: nothing after this block is reached without it.
                continue;
            }

            var granted = GrantedBranch(block, consent, evaluation);
            if (block.ConditionalSuccessor is { Destination: { } conditional } && granted != block.ConditionalSuccessor)
            {
                Reach(conditional);
            }

            if (block.FallThroughSuccessor is { Destination: { } fallThrough } && granted != block.FallThroughSuccessor)
            {
                Reach(fallThrough);
            }
        }

        return reached;

        void Reach(BasicBlock block)
        {
            if (!reached[block.Ordinal])
            {
                reached[block.Ordinal] = true;
                work.Push(block);
            }
        }

        // An exception can leave a try block anywhere: its catch, filter and finally blocks are reached with it.
        void EnterHandlers(BasicBlock block)
        {
            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.Kind != ControlFlowRegionKind.Try || !enteredTry.Add(region) || region.EnclosingRegion is not { } tryAndHandlers)
                {
                    continue;
                }

                foreach (var handler in tryAndHandlers.NestedRegions)
                {
                    if (handler != region)
                    {
                        Reach(graph.Blocks[handler.FirstBlockOrdinal]);
                    }
                }
            }
        }
    }

    /// <summary>The outgoing branch of <paramref name="block"/> taken when its condition says consent was given, if it is a consent check.</summary>
    private static ControlFlowBranch? GrantedBranch(BasicBlock block, ConsentModel consent, ConsentEvaluation evaluation)
    {
        if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is null)
        {
            return null;
        }

        var polarity = consent.Evaluate(block.BranchValue, evaluation);
        if (polarity == ConsentPolarity.None)
        {
            return null;
        }

        // The conditional successor is taken when the value equals the condition kind (true for WhenTrue).
        var conditionalMeansGranted = (block.ConditionKind == ControlFlowConditionKind.WhenTrue) == (polarity == ConsentPolarity.WhenTrue);
        return conditionalMeansGranted ? block.ConditionalSuccessor : block.FallThroughSuccessor;
    }

    /// <summary>What one function's graph says: the blocks reached without consent, and where its assertions are.</summary>
    private sealed class FunctionPaths
    {
        public FunctionPaths(bool[] reached, int[] barriers)
        {
            this.Reached = reached;
            this.Barriers = barriers;
        }

        public bool[] Reached { get; }

        public int[] Barriers { get; }
    }

    /// <summary>The values each flow capture of a graph holds (a captured switch value, a spilled operand...).</summary>
    private sealed class CaptureMap
    {
        private readonly ControlFlowGraph graph;
        private Dictionary<CaptureId, ImmutableArray<IOperation>.Builder>? captures;

        public CaptureMap(ControlFlowGraph graph) => this.graph = graph;

        public ImmutableArray<IOperation> Get(CaptureId id)
        {
            if (this.captures is null)
            {
                this.captures = new Dictionary<CaptureId, ImmutableArray<IOperation>.Builder>();
                foreach (var block in this.graph.Blocks)
                {
                    foreach (var operation in block.Operations)
                    {
                        if (operation is IFlowCaptureOperation capture)
                        {
                            if (!this.captures.TryGetValue(capture.Id, out var values))
                            {
                                values = ImmutableArray.CreateBuilder<IOperation>();
                                this.captures[capture.Id] = values;
                            }

                            values.Add(capture.Value);
                        }
                    }
                }
            }

            return this.captures.TryGetValue(id, out var found) ? found.ToImmutable() : default;
        }
    }
}
