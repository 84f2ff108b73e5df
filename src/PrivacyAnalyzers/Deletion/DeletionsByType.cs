using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.Deletion;

/// <summary>
/// One rule's deletions indexed by the entity types they delete, so that "which deletions remove rows of this entity"
/// is a lookup rather than a comparison with every deletion (which made the compilation-end decision quadratic in the
/// size of the application).
/// </summary>
internal sealed class DeletionsByType
{
    private readonly Dictionary<INamedTypeSymbol, List<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)>> byDeletedType;
    private readonly Dictionary<INamedTypeSymbol, List<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)>> byBaseOfDeletedType;

    private DeletionsByType(
        Dictionary<INamedTypeSymbol, List<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)>> byDeletedType,
        Dictionary<INamedTypeSymbol, List<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)>> byBaseOfDeletedType)
    {
        this.byDeletedType = byDeletedType;
        this.byBaseOfDeletedType = byBaseOfDeletedType;
    }

    public static DeletionsByType Build(ImmutableArray<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)> deletions, DeletionRules rule)
    {
        var byDeletedType = new Dictionary<INamedTypeSymbol, List<(DeletionSite, ImmutableArray<INamedTypeSymbol>)>>(SymbolEqualityComparer.Default);
        var byBase = new Dictionary<INamedTypeSymbol, List<(DeletionSite, ImmutableArray<INamedTypeSymbol>)>>(SymbolEqualityComparer.Default);
        foreach (var deletion in deletions)
        {
            if ((deletion.Site.Rules & rule) == 0)
            {
                continue;
            }

            foreach (var type in deletion.Deleted)
            {
                Add(byDeletedType, type, deletion);
                for (var current = type; current is not null; current = current.BaseType)
                {
                    Add(byBase, current, deletion);
                }
            }
        }

        return new DeletionsByType(byDeletedType, byBase);
    }

    /// <summary>
    /// The deletions that delete rows of <paramref name="entity"/>: of it, of a base of it, or of a type derived from it
    /// (a base and a derived type share rows). A deletion may come twice.
    /// </summary>
    public IEnumerable<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)> OfRowsOf(INamedTypeSymbol entity)
    {
        if (this.byBaseOfDeletedType.TryGetValue(entity.OriginalDefinition, out var ofDerived))
        {
            foreach (var deletion in ofDerived)
            {
                yield return deletion;
            }
        }

        foreach (var deletion in this.Covering(entity))
        {
            yield return deletion;
        }
    }

    /// <summary>The deletions of <paramref name="entity"/> or of a base of it (<see cref="DeletionPathFacts.Covers"/>).</summary>
    public IEnumerable<(DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted)> Covering(INamedTypeSymbol entity)
    {
        for (var current = entity; current is not null; current = current.BaseType)
        {
            if (this.byDeletedType.TryGetValue(current.OriginalDefinition, out var deletions))
            {
                foreach (var deletion in deletions)
                {
                    yield return deletion;
                }
            }
        }
    }

    private static void Add(
        Dictionary<INamedTypeSymbol, List<(DeletionSite, ImmutableArray<INamedTypeSymbol>)>> map,
        INamedTypeSymbol type,
        (DeletionSite Site, ImmutableArray<INamedTypeSymbol> Deleted) deletion)
    {
        var key = type.OriginalDefinition;
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<(DeletionSite, ImmutableArray<INamedTypeSymbol>)>();
        }

        // A deletion of two types in one chain would otherwise be listed twice under their common base.
        if (list.Count == 0 || !ReferenceEquals(list[list.Count - 1].Item1, deletion.Site))
        {
            list.Add(deletion);
        }
    }
}
