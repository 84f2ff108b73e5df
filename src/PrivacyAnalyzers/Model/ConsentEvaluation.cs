using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// Where <see cref="ConsentModel.Evaluate"/> looks while it judges the conditions of one function: the options in
/// force, the original operation tree (where a local's assignments are found), the flow captures of the control-flow
/// graph being walked, and whether methods may be summarized (one level only).
/// </summary>
internal sealed class ConsentEvaluation
{
    private readonly IOperation root;
    private readonly Func<CaptureId, ImmutableArray<IOperation>>? captures;

    public ConsentEvaluation(ConsentSettings settings, IOperation root, Func<CaptureId, ImmutableArray<IOperation>>? captures, CancellationToken cancellationToken)
        : this(settings, root, captures, allowSummaries: true, cancellationToken)
    {
    }

    private ConsentEvaluation(ConsentSettings settings, IOperation root, Func<CaptureId, ImmutableArray<IOperation>>? captures, bool allowSummaries, CancellationToken cancellationToken)
    {
        this.Settings = settings;
        this.root = root;
        this.captures = captures;
        this.AllowSummaries = allowSummaries;
        this.CancellationToken = cancellationToken;
    }

    public ConsentSettings Settings { get; }

    public bool AllowSummaries { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The semantic model of the file being analyzed (null for operations a control-flow graph made).</summary>
    public SemanticModel? SemanticModel => this.root.SemanticModel;

    /// <summary>The context for judging the returns of a summarized method: its own tree, no further summaries.</summary>
    public ConsentEvaluation ForSummary(IOperation body) =>
        new(this.Settings, body.GetRoot(), captures: null, allowSummaries: false, this.CancellationToken);

    /// <summary>The values a local or a flow capture may hold; default when unknown.</summary>
    public ImmutableArray<IOperation> ResolveValues(IOperation reference)
    {
        switch (reference)
        {
            case ILocalReferenceOperation local:
                // Kept per local of the tree by AssignedValues, however many evaluations ask.
                return AssignedValues.GetAssignedValues(local.Local, this.root, this.CancellationToken);

            case IFlowCaptureReferenceOperation capture when this.captures is not null:
                return this.captures(capture.Id);

            default:
                return default;
        }
    }
}
