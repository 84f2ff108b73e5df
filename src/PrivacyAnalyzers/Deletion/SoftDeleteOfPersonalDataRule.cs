using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyAnalyzers.Deletion;

/// <summary>
/// PRIV011: inside a deletion handler (a method or endpoint whose name says Delete/Erase/Forget/Purge/Remove,
/// an <c>[HttpDelete]</c> action, a <c>MapDelete</c> endpoint, a configured handler) personal data is only
/// flagged as deleted (<c>IsDeleted = true</c>, <c>DeletedAt = ...</c>, <c>Status = ...Deleted</c>,
/// <c>SetProperty(x =&gt; x.IsDeleted, true)</c>), and neither that method nor a method of its type it calls
/// deletes the entity, clears its members or deletes its stored media — and no purge path in the compilation
/// hard-deletes rows by that flag. Decided at compilation end, where every purge job is known.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SoftDeleteOfPersonalDataAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SoftDeleteOfPersonalData);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analyzed (its purge jobs and deletions count) but never reported on.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var facts = DeletionPathFacts.Collect(start, DiagnosticIds.SoftDeleteOfPersonalData);
            if (facts is null)
            {
                return;
            }

            start.RegisterCompilationEndAction(end => Report(end, facts));
        });
    }

    private static void Report(CompilationAnalysisContext context, DeletionPathFacts facts)
    {
        var softDeletes = facts.SoftDeletes.Where(s => !s.IsGenerated).ToList();
        if (softDeletes.Count == 0)
        {
            return;
        }

        var entities = facts.PersistedTypes();
        var deletions = facts.Deletions.Select(d => (Site: d, Deleted: facts.DeletedBy(d, entities))).ToList();
        foreach (var softDelete in DeletionPathFacts.InSourceOrder(softDeletes, s => s.Location))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (softDelete.Entity is not INamedTypeSymbol entity || !facts.PersonalData.IsPersonalData(entity) || !facts.IsDeletionHandler(softDelete.Scope))
            {
                continue;
            }

            var closure = facts.Closure(softDelete.Scope);
            var deletesEntity = deletions.Any(d => closure.Contains(d.Site.Scope) && d.Deleted.Any(x => DeletionPathFacts.Covers(x, entity) || DeletionPathFacts.Covers(entity, x)));
            if (deletesEntity || facts.ClearsMembersOf(closure, entity) || facts.DeletesMedia(closure))
            {
                continue;
            }

            var purged = deletions.Any(d =>
                d.Deleted.Any(x => DeletionPathFacts.Covers(x, entity) || DeletionPathFacts.Covers(entity, x)) &&
                (facts.ReadsFlag(d.Site.Scope, softDelete.Member) ||
                 (d.Site.Call.SqlText is { } sql && sql.IndexOf(softDelete.Member.Name, StringComparison.OrdinalIgnoreCase) >= 0)));
            if (purged)
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

    private static string HandlerName(ISymbol scope) =>
        scope is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } ? "MapDelete endpoint" : scope.Name;
}
