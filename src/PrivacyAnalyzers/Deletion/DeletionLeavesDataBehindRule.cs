using System.Collections.Generic;
using System.Collections.Immutable;
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
/// Decided at compilation end by <see cref="DeletionPathAnalyzer"/>, where every <c>OnDelete</c> configuration is known.
/// </summary>
internal static class DeletionLeavesDataBehindRule
{
    private const DeletionRules Rule = DeletionRules.LeavesDataBehind;

    public static void Report(CompilationAnalysisContext context, DeletionPathFacts facts)
    {
        var personalData = facts.PersonalData(Rule);
        var deletions = facts.Deletions(Rule);
        Dictionary<INamedTypeSymbol, int>? positions = null;
        var mediaMembers = new Dictionary<INamedTypeSymbol, ImmutableArray<ISymbol>>(SymbolEqualityComparer.Default);

        // An entity is usually deleted at several sites: its media and its personal dependents are found once.
        var personalDependents = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);

        foreach (var (site, deleted) in DeletionPathFacts.InSourceOrder(deletions, d => d.Site.Location))
        {
            if (site.IsGenerated || site.Call.Kind is not (DeletionKind.Remove or DeletionKind.ExecuteDelete))
            {
                continue;
            }

            foreach (var entity in deleted)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!personalData.IsPersonalData(entity))
                {
                    continue;
                }

                positions ??= Positions(facts);
                var closure = facts.Closure(site.Scope);
                var leftBehind = new List<string>();
                if (!mediaMembers.TryGetValue(entity, out var media))
                {
                    mediaMembers[entity] = media = facts.Media.MediaMembers(entity);
                }

                if (!media.IsEmpty && !facts.DeletesMedia(closure, Rule))
                {
                    leftBehind.Add($"the stored media that {StoredMediaModel.Describe(media)} points to");
                }

                // Unrelated entities (no setting, no navigation, no key member) are neither cascaded nor left behind.
                if (!personalDependents.TryGetValue(entity, out var dependents))
                {
                    personalDependents[entity] = dependents = PersonalAmong(facts.MayDependOn(entity), positions, personalData);
                }

                foreach (var dependent in dependents)
                {
                    if (DeletionPathFacts.Same(dependent, entity) || facts.Cascades(entity, dependent, out var reference, out var via))
                    {
                        continue;
                    }

                    var configured = facts.HasDeleteBehavior(entity, dependent);
                    if ((reference == ReferenceKind.None && !configured) || DeletedInClosure(facts, closure, dependent))
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

    /// <summary>Each stored entity with its position (the order findings list them in).</summary>
    private static Dictionary<INamedTypeSymbol, int> Positions(DeletionPathFacts facts)
    {
        var result = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
        foreach (var entity in facts.PersistedTypes())
        {
            result.Add(entity, result.Count);
        }

        return result;
    }

    /// <summary>
    /// The stored entities among <paramref name="related"/> that hold personal data, in the order of
    /// <paramref name="positions"/>. Only these are classified: classifying every stored entity up front was most of
    /// this rule's time, for entities no deletion relates to.
    /// </summary>
    private static List<INamedTypeSymbol> PersonalAmong(HashSet<INamedTypeSymbol> related, Dictionary<INamedTypeSymbol, int> positions, PersonalDataModel personalData)
    {
        var result = new List<INamedTypeSymbol>(related.Count);
        foreach (var dependent in related)
        {
            if (positions.ContainsKey(dependent) && personalData.IsPersonalData(dependent))
            {
                result.Add(dependent);
            }
        }

        result.Sort((a, b) => positions[a].CompareTo(positions[b]));
        return result;
    }

    private static bool DeletedInClosure(DeletionPathFacts facts, ImmutableHashSet<ISymbol> closure, INamedTypeSymbol dependent)
    {
        foreach (var (site, _) in facts.IndexedDeletions(Rule).Covering(dependent))
        {
            if (closure.Contains(site.Scope))
            {
                return true;
            }
        }

        return false;
    }

    private static string Why(ReferenceKind reference, ISymbol? via, bool configured) =>
        configured ? "its OnDelete behavior does not cascade"
        : reference == ReferenceKind.KeyOnly ? $"linked only by '{via?.Name}', which no relationship cascades"
        : $"optional relationship '{via?.Name}': EF Core sets the key to null and keeps the row";
}
