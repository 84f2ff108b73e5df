using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyAnalyzers.Deletion;

/// <summary>
/// The deletion-path rules PRIV010–PRIV012 in one analyzer: <see cref="DeletionPathFacts"/> is collected once per
/// compilation (not once per rule), and at compilation end each rule decides on the same facts —
/// <see cref="PersonalDataNeverDeletedRule"/> (PRIV010), <see cref="SoftDeleteOfPersonalDataRule"/> (PRIV011) and
/// <see cref="DeletionLeavesDataBehindRule"/> (PRIV012). Options stay per rule (<c>dotnet_code_quality.PRIV010.*</c>...).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeletionPathAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PersonalDataNeverDeleted,
        Descriptors.SoftDeleteOfPersonalData,
        Descriptors.DeletionLeavesDataBehind);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analyzed (a Razor account-deletion page compiles to generated C#; its purge jobs,
        // deletions and relationship configuration count) but never reported on: every fact keeps whether the host
        // called it generated (the file, or a [GeneratedCode] symbol), and the rules report only facts that are not. So
        // the host is told not to check each finding again (ReportDiagnostics): that check walks every token of each
        // file with a finding, 13 ms of this analyzer's compilation-end action in a profile at 250k lines.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var facts = DeletionPathFacts.Collect(start);
            if (facts is null)
            {
                return;
            }

            start.RegisterCompilationEndAction(end =>
            {
                PersonalDataNeverDeletedRule.Report(end, facts);
                SoftDeleteOfPersonalDataRule.Report(end, facts);
                DeletionLeavesDataBehindRule.Report(end, facts);
            });
        });
    }
}
