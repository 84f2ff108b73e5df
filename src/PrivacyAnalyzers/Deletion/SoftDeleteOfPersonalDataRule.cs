using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyAnalyzers.Deletion;

/// <summary>
/// PRIV011: inside a deletion handler (a method or endpoint whose name says Delete/Erase/Forget/Purge/Remove,
/// an <c>[HttpDelete]</c> action, a <c>MapDelete</c> endpoint, a configured handler) personal data is only
/// flagged as deleted (<c>IsDeleted = true</c>, <c>DeletedAt = ...</c>, <c>Status = ...Deleted</c>,
/// <c>SetProperty(x =&gt; x.IsDeleted, true)</c>), and neither that method nor a method of its type it calls
/// deletes the entity, clears its members or deletes its stored media — and no purge path in the compilation
/// hard-deletes rows by that flag. Decided at compilation end by <see cref="DeletionPathAnalyzer"/>, where every
/// purge job is known.
/// </summary>
internal static class SoftDeleteOfPersonalDataRule
{
    private const DeletionRules Rule = DeletionRules.SoftDelete;

    public static void Report(CompilationAnalysisContext context, DeletionPathFacts facts)
    {
        var softDeletes = new List<SoftDeleteSite>();
        foreach (var softDelete in facts.SoftDeletes)
        {
            if (!softDelete.IsGenerated)
            {
                softDeletes.Add(softDelete);
            }
        }

        if (softDeletes.Count == 0)
        {
            return;
        }

        var personalData = facts.PersonalData(Rule);
        foreach (var softDelete in DeletionPathFacts.InSourceOrder(softDeletes, s => s.Location))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (softDelete.Entity is not INamedTypeSymbol entity || !personalData.IsPersonalData(entity) || !facts.IsDeletionHandler(softDelete.Scope))
            {
                continue;
            }

            var closure = facts.Closure(softDelete.Scope);
            if (DeletesEntity(facts, closure, entity) || facts.ClearsMembersOf(closure, entity) || facts.DeletesMedia(closure, Rule) ||
                IsPurged(facts, entity, softDelete.Member))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SoftDeleteOfPersonalData,
                softDelete.Location,
                HandlerName(softDelete.Scope),
                entity.Name,
                softDelete.Member.Name));
        }
    }

    private static bool DeletesEntity(DeletionPathFacts facts, ImmutableHashSet<ISymbol> closure, INamedTypeSymbol entity)
    {
        foreach (var (site, _) in facts.IndexedDeletions(Rule).OfRowsOf(entity))
        {
            if (closure.Contains(site.Scope))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A purge path: a deletion of the entity that reads the flag (or whose SQL names it) anywhere in the compilation.</summary>
    private static bool IsPurged(DeletionPathFacts facts, INamedTypeSymbol entity, ISymbol flag)
    {
        foreach (var (site, _) in facts.IndexedDeletions(Rule).OfRowsOf(entity))
        {
            if (facts.ReadsFlag(site.Scope, flag) ||
                (site.Call.SqlText is { } sql && sql.IndexOf(flag.Name, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static string HandlerName(ISymbol scope) =>
        scope is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } ? "MapDelete endpoint" : scope.Name;
}
