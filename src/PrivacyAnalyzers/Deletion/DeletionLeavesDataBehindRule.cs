using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Model;

namespace PrivacyAnalyzers.Deletion;

/// <summary>
/// PRIV012: a <c>Remove</c>/<c>RemoveRange</c>/<c>ExecuteDelete(Async)</c> of a personal-data entity that
/// (a) has stored media (a file path, blob name, storage key member) which nothing in the same method, or a
/// method of the same type it calls, deletes; or (b) has dependent personal-data entities that survive it —
/// linked by an optional relationship, an <c>OnDelete</c> that does not cascade, or only a key member such as
/// <c>RecordingId</c> (no relationship, no cascade) — and that the method does not delete too.
/// Decided at compilation end, where every <c>OnDelete</c> configuration is known.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeletionLeavesDataBehindAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.DeletionLeavesDataBehind);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analyzed (it can configure relationships and delete dependents) but never reported on.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var facts = DeletionPathFacts.Collect(start, DiagnosticIds.DeletionLeavesDataBehind);
            if (facts is null)
            {
                return;
            }

            start.RegisterCompilationEndAction(end => Report(end, facts));
        });
    }

    private static void Report(CompilationAnalysisContext context, DeletionPathFacts facts)
    {
        var entities = facts.PersistedTypes();
        var deletions = facts.Deletions.Select(d => (Site: d, Deleted: facts.DeletedBy(d, entities))).ToList();
        var dependentsCandidates = entities.Where(e => facts.PersonalData.IsPersonalData(e)).ToList();

        foreach (var (site, deleted) in DeletionPathFacts.InSourceOrder(deletions, d => d.Site.Location))
        {
            if (site.IsGenerated || site.Call.Kind is not (DeletionKind.Remove or DeletionKind.ExecuteDelete))
            {
                continue;
            }

            foreach (var entity in deleted)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!facts.PersonalData.IsPersonalData(entity))
                {
                    continue;
                }

                var closure = facts.Closure(site.Scope);
                var leftBehind = new List<string>();
                var mediaMembers = facts.Media.MediaMembers(entity);
                if (!mediaMembers.IsEmpty && !facts.DeletesMedia(closure))
                {
                    leftBehind.Add($"the stored media that {StoredMediaModel.Describe(mediaMembers)} points to");
                }

                foreach (var dependent in dependentsCandidates)
                {
                    if (DeletionPathFacts.Same(dependent, entity) || facts.Cascades(entity, dependent, out var reference, out var via))
                    {
                        continue;
                    }

                    var configured = facts.HasDeleteBehavior(entity, dependent);
                    if ((reference == ReferenceKind.None && !configured) ||
                        deletions.Any(d => closure.Contains(d.Site.Scope) && d.Deleted.Any(x => DeletionPathFacts.Covers(x, dependent))))
                    {
                        continue;
                    }

                    leftBehind.Add($"'{dependent.Name}' rows ({Why(reference, via, configured)})");
                }

                if (leftBehind.Count > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.DeletionLeavesDataBehind,
                        site.Location,
                        entity.Name,
                        string.Join(" and ", leftBehind)));
                }
            }
        }
    }

    private static string Why(ReferenceKind reference, ISymbol? via, bool configured) =>
        configured ? "its OnDelete behavior does not cascade"
        : reference == ReferenceKind.KeyOnly ? $"linked only by '{via?.Name}', which no relationship cascades"
        : $"optional relationship '{via?.Name}': EF Core sets the key to null and keeps the row";
}
