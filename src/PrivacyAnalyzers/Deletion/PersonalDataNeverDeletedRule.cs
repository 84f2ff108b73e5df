using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Model;

namespace PrivacyAnalyzers.Deletion;

/// <summary>
/// PRIV010: a personal-data entity type is stored (a <c>DbSet&lt;T&gt;</c>, <c>Add</c>, a repository save...) and no
/// deletion path for it exists anywhere in the compilation — no Remove, ExecuteDelete, repository delete, raw
/// SQL <c>DELETE FROM</c>, <c>UserManager.DeleteAsync</c>, configured deletion method, nor a cascade from a
/// principal that is deleted. Decided at compilation end; deletions in generated code (Razor pages) count.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataNeverDeletedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PersonalDataNeverDeleted);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analyzed (a Razor account-deletion page compiles to generated C#) but never reported on.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var facts = DeletionPathFacts.Collect(start, DiagnosticIds.PersonalDataNeverDeleted);
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
        var personal = entities.Where(e => facts.PersonalData.IsPersonalData(e)).ToList();
        if (personal.Count == 0)
        {
            return;
        }

        var deleted = facts.Deletions
            .SelectMany(d => facts.DeletedBy(d, entities))
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();
        var deletable = new HashSet<INamedTypeSymbol>(entities.Where(e => deleted.Any(d => DeletionPathFacts.Covers(d, e))), SymbolEqualityComparer.Default);
        deletable.UnionWith(deleted);

        // Cascades: a dependent whose principal has a deletion path is deleted with it, transitively.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var entity in entities)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!deletable.Contains(entity) && deletable.ToList().Any(principal => facts.Cascades(principal, entity, out _, out _)))
                {
                    deletable.Add(entity);
                    changed = true;
                }
            }
        }

        foreach (var entity in personal)
        {
            if (deletable.Contains(entity))
            {
                continue;
            }

            var sites = facts.Persisted.Where(p => DeletionPathFacts.Same(p.Entity, entity) && !p.IsGenerated).ToList();
            var site = DeletionPathFacts.InSourceOrder(sites.Where(s => s.DbSetName is not null), s => s.Location).FirstOrDefault()
                ?? DeletionPathFacts.InSourceOrder(sites, s => s.Location).FirstOrDefault();
            if (site is null)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.PersonalDataNeverDeleted,
                site.Location,
                entity.Name,
                PersonalDataModel.Describe(facts.PersonalData.Classify(entity))));
        }
    }
}
