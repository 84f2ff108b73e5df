using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Model;

namespace PrivacyAnalyzers.Deletion;

/// <summary>
/// PRIV010: a personal-data entity type is stored (a <c>DbSet&lt;T&gt;</c>, <c>Add</c>, a repository save...) and no
/// deletion path for it exists anywhere in the compilation — no Remove, ExecuteDelete, repository delete, raw
/// SQL <c>DELETE FROM</c>, <c>UserManager.DeleteAsync</c>, configured deletion method, nor a cascade from a
/// principal that is deleted. Decided at compilation end by <see cref="DeletionPathAnalyzer"/>; deletions in
/// generated code (Razor pages) count.
/// </summary>
internal static class PersonalDataNeverDeletedRule
{
    private const DeletionRules Rule = DeletionRules.NeverDeleted;

    public static void Report(CompilationAnalysisContext context, DeletionPathFacts facts)
    {
        var personalData = facts.PersonalData(Rule);
        var entities = facts.PersistedTypes();
        var deleted = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var (_, types) in facts.Deletions(Rule))
        {
            deleted.UnionWith(types);
        }

        // An entity is deletable when it or a base of it is deleted (DeletionPathFacts.Covers), asked along its
        // base types rather than of every deleted type.
        var deletable = new HashSet<INamedTypeSymbol>(deleted, SymbolEqualityComparer.Default);
        foreach (var entity in entities)
        {
            for (var current = entity; current is not null; current = current.BaseType)
            {
                if (deleted.Contains(current.OriginalDefinition))
                {
                    deletable.Add(entity);
                    break;
                }
            }
        }

        // Only an entity without a deletion path of its own can be reported, and most have one: personal data is
        // classified, and the cascade index built, for the others only (the bench's 803 entities all had one).
        var personal = new List<INamedTypeSymbol>();
        foreach (var entity in entities)
        {
            if (!deletable.Contains(entity) && personalData.IsPersonalData(entity))
            {
                personal.Add(entity);
            }
        }

        if (personal.Count == 0)
        {
            return;
        }

        // Cascades: a dependent whose principal has a deletion path is deleted with it, transitively.
        // A worklist: each newly deletable principal is asked once about the entities that may depend on it.
        var pending = new Queue<INamedTypeSymbol>(deletable);
        while (pending.Count > 0)
        {
            var principal = pending.Dequeue();
            foreach (var entity in facts.MayDependOn(principal))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!deletable.Contains(entity) && facts.Cascades(principal, entity, out _, out _))
                {
                    deletable.Add(entity);
                    pending.Enqueue(entity);
                }
            }
        }

        var firstSite = new Dictionary<INamedTypeSymbol, PersistenceSite>(SymbolEqualityComparer.Default);
        var firstDbSet = new Dictionary<INamedTypeSymbol, PersistenceSite>(SymbolEqualityComparer.Default);
        foreach (var site in facts.Persisted)
        {
            if (site.IsGenerated || deletable.Contains(site.Entity))
            {
                continue;
            }

            Keep(firstSite, site);
            if (site.DbSetName is not null)
            {
                Keep(firstDbSet, site);
            }
        }

        foreach (var entity in personal)
        {
            if (deletable.Contains(entity) ||
                !(firstDbSet.TryGetValue(entity, out var site) || firstSite.TryGetValue(entity, out site)))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.PersonalDataNeverDeleted,
                site.Location,
                entity.Name,
                PersonalDataModel.Describe(personalData.Classify(entity))));
        }
    }

    /// <summary>Keeps the first site of each entity in source order (file, then position).</summary>
    private static void Keep(Dictionary<INamedTypeSymbol, PersistenceSite> first, PersistenceSite site)
    {
        if (!first.TryGetValue(site.Entity, out var kept) || DeletionPathFacts.ComesBefore(site.Location, kept.Location))
        {
            first[site.Entity] = site;
        }
    }
}
