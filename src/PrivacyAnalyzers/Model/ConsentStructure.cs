using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// The answer <see cref="ConsentGuard"/> would give, read from a function's statements instead of its control-flow
/// graph, for the functions whose statements say it plainly: blocks, <c>if</c>/<c>else</c>, expression statements,
/// declarations, <c>return</c>, <c>throw</c> and <c>yield</c>. Roslyn builds a graph in more than linear time on a
/// method with thousands of branches (16,000 <c>if</c>s: 0.8 s, with no analyzer involved), and a source guarded by an
/// <c>if</c> is the common case; the graph is asked for only where this gives no answer.
/// </summary>
/// <remarks>
/// One pass in statement order tracks whether the current point is reached without consent, the question the
/// graph answers with its edges: an <c>if</c> whose condition is a consent check closes the branch that means
/// "given"; an assertion, a <c>return</c> or a <c>throw</c> closes what follows in its block; an <c>if</c>/<c>else</c> is
/// open after it when either branch is. The pass stops (no answer from there on) at the first statement it does
/// not model (a loop, <c>switch</c>, <c>try</c>, <c>using</c>, <c>lock</c>, a label...), at a constant condition, and at a
/// condition with <c>&amp;&amp;</c> or <c>||</c> that is not a consent check as a whole (the graph judges each operand
/// apart). A source under <c>?:</c>, <c>??</c>, <c>?.</c>, <c>&amp;&amp;</c>, <c>||</c>, a <c>switch</c> expression or in a lambda
/// or local function gets no answer either. A function with a throw or <c>switch</c> expression gets none at all:
/// either can end a path in the middle of a statement.
/// </remarks>
internal sealed class ConsentStructure
{
    private static readonly ConsentStructure Silent = new(new Dictionary<IOperation, bool>(), root: null);

    // For each statement (and each if condition) the pass reached: whether it is reached without consent.
    private readonly Dictionary<IOperation, bool> openAt;
    private readonly IOperation? root;

    private ConsentStructure(Dictionary<IOperation, bool> openAt, IOperation? root)
    {
        this.openAt = openAt;
        this.root = root;
    }

    private enum Parts
    {
        None,

        /// <summary>Only <c>&amp;&amp;</c> and <c>||</c>.</summary>
        ShortCircuit,

        /// <summary><c>?:</c>, <c>??</c>, <c>?.</c>, a lambda...</summary>
        Other,
    }

    private enum Reach
    {
        /// <summary>Not reached, or reached only after consent was given.</summary>
        Closed,

        /// <summary>Reached on some path without consent.</summary>
        Open,

        /// <summary>The statement is not modelled: nothing after it is known.</summary>
        Unknown,
    }

    /// <summary>Reads the statements of the operation block <paramref name="root"/> (a method body or its block).</summary>
    public static ConsentStructure Read(IOperation root, ConsentModel consent, ConsentEvaluation evaluation, CancellationToken cancellationToken)
    {
        var body = root switch
        {
            IBlockOperation block => block,
            IMethodBodyOperation { BlockBody: { } block, ExpressionBody: null } => block,
            _ => null,
        };

        if (body is null || EndsPathsInsideExpressions(root))
        {
            return Silent;
        }

        var pass = new Pass(consent, evaluation, cancellationToken);
        pass.Run(body, open: true);
        return new ConsentStructure(pass.OpenAt, root);
    }

    /// <summary>
    /// True when <paramref name="source"/> is reached only with consent (or never), false when it is reached without,
    /// null when the statements do not tell.
    /// </summary>
    public bool? IsGuarded(IOperation source)
    {
        // Up to the statement (or if condition) that holds the source: it runs whenever that does, unless something
        // on the way runs on some paths only (the condition itself may be one: a source right of its &&).
        for (var current = source; current is not null && current != this.root; current = current.Parent)
        {
            if (IsEvaluatedConditionally(current))
            {
                return null;
            }

            if (this.openAt.TryGetValue(current, out var open))
            {
                return !open;
            }
        }

        return null;
    }

    /// <summary>An operation whose children run on some paths only, or in another function.</summary>
    private static bool IsEvaluatedConditionally(IOperation operation) => operation.Kind switch
    {
        OperationKind.Conditional or OperationKind.Coalesce or OperationKind.CoalesceAssignment or OperationKind.ConditionalAccess or
        OperationKind.SwitchExpression or OperationKind.SwitchExpressionArm or OperationKind.AnonymousFunction or OperationKind.LocalFunction or
        OperationKind.InterpolatedStringHandlerCreation => true,
        OperationKind.Binary => IsShortCircuit((IBinaryOperation)operation),
        _ => false,
    };

    private static bool IsShortCircuit(IBinaryOperation binary) =>
        binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr;

    /// <summary>A throw expression (<c>x ?? throw ...</c>) or a <c>switch</c> expression (which throws when no arm matches).</summary>
    private static bool EndsPathsInsideExpressions(IOperation root)
    {
        var flat = OperationWalk.FlatContents(root);
        for (var i = 0; i < flat.Operations.Length; i++)
        {
            switch (flat.KindAt(i))
            {
                case OperationKind.SwitchExpression:
                    return true;
                case OperationKind.Throw when flat.Operations[i].Syntax.IsKind(SyntaxKind.ThrowExpression):
                    return true;
            }
        }

        return false;
    }

    /// <summary>One pass over the statements in order.</summary>
    private sealed class Pass
    {
        private readonly ConsentModel consent;
        private readonly ConsentEvaluation evaluation;
        private readonly CancellationToken cancellationToken;

        public Pass(ConsentModel consent, ConsentEvaluation evaluation, CancellationToken cancellationToken)
        {
            this.consent = consent;
            this.evaluation = evaluation;
            this.cancellationToken = cancellationToken;
        }

        public Dictionary<IOperation, bool> OpenAt { get; } = new();

        /// <summary>Records the statements of <paramref name="statement"/>; whether the point after it is reached without consent.</summary>
        public Reach Run(IOperation statement, bool open)
        {
            switch (statement)
            {
                case IBlockOperation block:
                    var reach = open ? Reach.Open : Reach.Closed;
                    foreach (var inner in block.Operations)
                    {
                        this.cancellationToken.ThrowIfCancellationRequested();
                        reach = this.Run(inner, reach == Reach.Open);
                        if (reach == Reach.Unknown)
                        {
                            break;
                        }
                    }

                    return reach;

                case IConditionalOperation branch:
                    return this.RunIf(branch, open);

                case IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }:
                case IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak }:
                    this.OpenAt[statement] = open;
                    return Reach.Closed;

                case IExpressionStatementOperation:
                    this.OpenAt[statement] = open;
                    return open && !this.consent.IsAssertion(statement, this.evaluation) ? Reach.Open : Reach.Closed;

                case IVariableDeclarationGroupOperation or IReturnOperation:
                    // A declaration or a yield return.
                    this.OpenAt[statement] = open;
                    return open ? Reach.Open : Reach.Closed;

                case IEmptyOperation or ILocalFunctionOperation:
                    // A local function runs where it is called; its sources are judged on its own graph.
                    return open ? Reach.Open : Reach.Closed;

                default:
                    return Reach.Unknown;
            }
        }

        private Reach RunIf(IConditionalOperation branch, bool open)
        {
            var condition = branch.Condition;
            if (condition.ConstantValue.HasValue)
            {
                // The graph may leave out the branch a constant never takes.
                return Reach.Unknown;
            }

            this.OpenAt[condition] = open;
            var polarity = ConsentPolarity.None;
            if (open)
            {
                var parts = ConditionalParts(condition);
                if (parts == Parts.Other)
                {
                    // The graph evaluates ?:, ?? and ?. through captures of its own: their verdict is the graph's to give.
                    return Reach.Unknown;
                }

                polarity = this.consent.Evaluate(condition, this.evaluation);
                if (polarity == ConsentPolarity.None && parts == Parts.ShortCircuit)
                {
                    // The graph judges each operand of && and || as its own branch: one of them may still be a check.
                    return Reach.Unknown;
                }
            }

            var whenTrue = this.Run(branch.WhenTrue, open && polarity != ConsentPolarity.WhenTrue);
            if (whenTrue == Reach.Unknown)
            {
                return Reach.Unknown;
            }

            var elseOpen = open && polarity != ConsentPolarity.WhenFalse;
            var whenFalse = branch.WhenFalse is { } otherwise ? this.Run(otherwise, elseOpen) : elseOpen ? Reach.Open : Reach.Closed;
            return whenFalse == Reach.Unknown ? Reach.Unknown
                : whenTrue == Reach.Open || whenFalse == Reach.Open ? Reach.Open
                : Reach.Closed;
        }

        /// <summary>Which operations of <paramref name="condition"/> run on some paths only.</summary>
        private static Parts ConditionalParts(IOperation condition)
        {
            var parts = Parts.None;
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is IBinaryOperation binary && IsShortCircuit(binary))
                {
                    parts = Parts.ShortCircuit;
                }
                else if (IsEvaluatedConditionally(operation))
                {
                    return Parts.Other;
                }
            }

            return parts;
        }
    }
}
