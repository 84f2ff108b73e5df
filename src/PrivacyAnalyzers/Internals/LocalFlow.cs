using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// Where the values of the locals of one operation tree (a method body, top-level statements) come from, and
/// whether an expression "mentions" a source, directly or through the locals it reads: <c>var id = int.Parse(key);
/// db.Find(id)</c> mentions the parameter <c>key</c>. Flow-insensitive and deliberately generous (every value a
/// local is ever given counts), which is what "may come from" questions need. Works on the operation tree and on
/// the operations of a <see cref="ControlFlowGraph"/> built from it (flow captures are followed through the graph).
/// </summary>
internal sealed class LocalFlow
{
    private const int MaxDepth = 12;
    [ThreadStatic]
    private static RecentTrees<LocalFlow>? recent;

    private readonly Dictionary<ILocalSymbol, List<IOperation>> values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<CaptureId, List<IOperation>> captures = new();
    private readonly Dictionary<ISymbol, List<IOperation>> members = new(SymbolEqualityComparer.Default);

    // A flow made by With() holds only what its graph adds (a local's list there already includes the base's values)
    // and reads everything else from the flow it was made from: copying the whole method's flow for each graph made
    // PRIV002 quadratic on a method that maps thousands of endpoints.
    private readonly LocalFlow? baseFlow;

    private LocalFlow(LocalFlow? baseFlow = null) => this.baseFlow = baseFlow;

    /// <summary>
    /// The flow of every local declared or assigned anywhere in <paramref name="root"/> (lambdas included). The flows
    /// of the last few roots are kept per thread (<see cref="RecentTrees{T}"/>): the recording-access rules and the
    /// endpoint authorization model each asked for the flow of the same method body, one after another. A flow is
    /// never changed once built (<see cref="With"/> returns a new one), so sharing it is safe.
    /// </summary>
    public static LocalFlow For(IOperation root, CancellationToken cancellationToken) =>
        (recent ??= new RecentTrees<LocalFlow>(2)).GetOrAdd(root, cancellationToken, static (tree, token) => Build(tree, token));

    private static LocalFlow Build(IOperation root, CancellationToken cancellationToken)
    {
        var flow = new LocalFlow();
        var tree = OperationWalk.Flat(root);
        var operations = tree.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // By the kind kept beside each operation: Record's type tests cost several interface checks per operation.
            if (tree.KindAt(i) is OperationKind.VariableDeclarator or OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or
                OperationKind.CoalesceAssignment or OperationKind.DeconstructionAssignment or OperationKind.Loop or
                OperationKind.DeclarationPattern or OperationKind.Argument)
            {
                flow.Record(operations[i]);
            }
        }

        return flow;
    }

    /// <summary>This flow with the flow captures (and locals written inside the graph) of <paramref name="graph"/> added; this one is left as it is.</summary>
    public LocalFlow With(ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        var flow = new LocalFlow(this);
        flow.AddGraph(graph, cancellationToken);
        return flow;
    }

    private void AddGraph(ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    if (descendant is IFlowCaptureOperation capture)
                    {
                        OwnList(this.captures, capture.Id, this.ValuesOf(capture.Id)).Add(capture.Value);
                    }
                    else if (descendant is ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment && !this.Contains(local.Local, assignment.Value))
                    {
                        OwnList(this.values, local.Local, this.ValuesOf(local.Local)).Add(assignment.Value);
                    }
                }
            }
        }
    }

    /// <summary>This flow's own list for <paramref name="key"/>, started from what it reads from its base flow (<paramref name="inherited"/>).</summary>
    private static List<IOperation> OwnList<TKey>(Dictionary<TKey, List<IOperation>> own, TKey key, IReadOnlyList<IOperation> inherited)
        where TKey : notnull
    {
        if (!own.TryGetValue(key, out var list))
        {
            list = new List<IOperation>(inherited);
            own.Add(key, list);
        }

        return list;
    }

    /// <summary>Every value <paramref name="local"/> is given.</summary>
    public IReadOnlyList<IOperation> ValuesOf(ILocalSymbol local)
    {
        for (var flow = this; flow is not null; flow = flow.baseFlow)
        {
            if (flow.values.TryGetValue(local, out var list))
            {
                return list;
            }
        }

        return Array.Empty<IOperation>();
    }

    /// <summary>The values captured under <paramref name="id"/> in the control flow graph.</summary>
    public IReadOnlyList<IOperation> ValuesOf(CaptureId id)
    {
        for (var flow = this; flow is not null; flow = flow.baseFlow)
        {
            if (flow.captures.TryGetValue(id, out var list))
            {
                return list;
            }
        }

        return Array.Empty<IOperation>();
    }

    /// <summary>The values this body assigns to <paramref name="member"/> (a field or property of its own instance or type).</summary>
    private List<IOperation>? MemberValues(ISymbol member)
    {
        for (var flow = this; flow is not null; flow = flow.baseFlow)
        {
            if (flow.members.TryGetValue(member, out var list))
            {
                return list;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="operation"/>, one of its parts, or a value of a local or capture it reads satisfies
    /// <paramref name="isSource"/>. <paramref name="isBarrier"/> stops the search below an operation (for example a
    /// member that does not carry the value, such as a key).
    /// </summary>
    public bool Mentions(IOperation? operation, Func<IOperation, bool> isSource, Func<IOperation, bool>? isBarrier = null)
    {
        if (operation is null)
        {
            return false;
        }

        // Rules ask this for most operands they look at: the walk's sets and stack are reused, not made per question.
        var walk = MentionWalk.Rent();
        try
        {
            return this.Mentions(operation, isSource, isBarrier, walk, 0);
        }
        finally
        {
            walk.Return();
        }
    }

    private bool Mentions(IOperation operation, Func<IOperation, bool> isSource, Func<IOperation, bool>? isBarrier, MentionWalk walk, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        // This level's part of the shared stack starts at bottom; a level that finds a source drops what it left there.
        var pending = walk.Pending;
        var bottom = pending.Count;
        pending.Add(operation);
        while (pending.Count > bottom)
        {
            var current = pending[pending.Count - 1];
            pending.RemoveAt(pending.Count - 1);
            if (isSource(current))
            {
                pending.RemoveRange(bottom, pending.Count - bottom);
                return true;
            }

            if (isBarrier is not null && isBarrier(current))
            {
                continue;
            }

            IReadOnlyList<IOperation>? values = null;
            switch (current)
            {
                case ILocalReferenceOperation local when walk.VisitedSymbols.Add(local.Local):
                    values = this.ValuesOf(local.Local);
                    break;

                case IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } member
                    when member.Member is IPropertySymbol or IFieldSymbol && this.MemberValues(member.Member) is { } assigned && walk.VisitedSymbols.Add(member.Member):
                    values = assigned;
                    break;

                case IFlowCaptureReferenceOperation capture when walk.VisitedCaptures.Add(capture.Id):
                    values = this.ValuesOf(capture.Id);
                    break;
            }

            if (values is not null)
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (this.Mentions(values[i], isSource, isBarrier, walk, depth + 1))
                    {
                        pending.RemoveRange(bottom, pending.Count - bottom);
                        return true;
                    }
                }
            }

            foreach (var child in current.ChildOperations)
            {
                pending.Add(child);
            }
        }

        return false;
    }

    /// <summary>The visited locals, members and captures and the pending operations of one <see cref="Mentions(IOperation?, Func{IOperation, bool}, Func{IOperation, bool}?)"/> question, reused by the next on the same thread.</summary>
    private sealed class MentionWalk
    {
        [ThreadStatic]
        private static MentionWalk? free;

        public HashSet<ISymbol> VisitedSymbols { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<CaptureId> VisitedCaptures { get; } = new();

        public List<IOperation> Pending { get; } = new();

        /// <summary>The thread's free walk, or a new one when a predicate asks a question while another is being answered.</summary>
        public static MentionWalk Rent()
        {
            var walk = free ?? new MentionWalk();
            free = null;
            return walk;
        }

        public void Return()
        {
            // Cleared, so that a walk kept by the thread holds on to no operation or symbol.
            this.VisitedSymbols.Clear();
            this.VisitedCaptures.Clear();
            this.Pending.Clear();
            free = this;
        }
    }

    private void Record(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                Add(this.values, declarator.Symbol, initializer.Value);
                break;

            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                Add(this.values, local.Local, assignment.Value);
                break;

            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation, Member: IPropertySymbol or IFieldSymbol } member } assignment:
                // this.Recording = await db.Recordings.FindAsync(id): the member holds what this body gave it.
                Add(this.members, member.Member, assignment.Value);
                break;

            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation local } compound:
                Add(this.values, local.Local, compound.Value);
                break;

            case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation local } coalesce:
                Add(this.values, local.Local, coalesce.Value);
                break;

            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var target in deconstruction.Target.DescendantsAndSelf())
                {
                    if (target is ILocalReferenceOperation local)
                    {
                        Add(this.values, local.Local, deconstruction.Value);
                    }
                    else if (target is IDeclarationExpressionOperation declaration)
                    {
                        foreach (var declared in declaration.Expression.DescendantsAndSelf())
                        {
                            if (declared is ILocalReferenceOperation declaredLocal)
                            {
                                Add(this.values, declaredLocal.Local, deconstruction.Value);
                            }
                        }
                    }
                }

                break;

            case IForEachLoopOperation loop:
                foreach (var declared in loop.LoopControlVariable.DescendantsAndSelf())
                {
                    if (declared is IVariableDeclaratorOperation loopDeclarator)
                    {
                        Add(this.values, loopDeclarator.Symbol, loop.Collection);
                    }
                    else if (declared is ILocalReferenceOperation loopLocal)
                    {
                        Add(this.values, loopLocal.Local, loop.Collection);
                    }
                }

                break;

            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol patternLocal } pattern when FindPatternValue(pattern) is { } matched:
                Add(this.values, patternLocal, matched);
                break;

            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Parent: { } call } argument:
                foreach (var written in argument.Value.DescendantsAndSelf())
                {
                    if (written is ILocalReferenceOperation outLocal)
                    {
                        Add(this.values, outLocal.Local, call);
                    }
                }

                break;

            case IUsingOperation or IUsingDeclarationOperation:
                // Their declarators are visited on their own.
                break;
        }
    }

    private static IOperation? FindPatternValue(IOperation pattern)
    {
        for (var current = pattern.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IIsPatternOperation isPattern:
                    return isPattern.Value;
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Value;
                case ISwitchOperation switchStatement:
                    return switchStatement.Value;
            }
        }

        return null;
    }

    private bool Contains(ILocalSymbol local, IOperation value)
    {
        foreach (var existing in this.ValuesOf(local))
        {
            if (existing.Syntax == value.Syntax)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add<TKey>(Dictionary<TKey, List<IOperation>> map, TKey key, IOperation value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = new List<IOperation>();
            map[key] = list;
        }

        list.Add(value);
    }
}
