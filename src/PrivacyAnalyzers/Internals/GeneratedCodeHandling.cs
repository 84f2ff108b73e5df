using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyAnalyzers.Internals;

/// <summary>How the rules treat generated code (files marked <c>&lt;auto-generated&gt;</c>, <c>*.g.cs</c>, <c>[GeneratedCode]</c>).</summary>
internal static class GeneratedCodeHandling
{
    /// <summary>
    /// For rules that report where they found something: generated code is never analyzed (the host does not run the
    /// rule there, without <see cref="GeneratedCodeAnalysisFlags.Analyze"/>), so no finding can lie in it; and the rule
    /// says so with <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/>. Without it, the host checks every
    /// reported diagnostic for generated code again, walking every token of each file with a finding (its
    /// <c>[GeneratedCode]</c> check) — the largest cost of reporting in a profile of the benchmark, for no change in
    /// what is reported. The deletion rules read generated code, so they add <see cref="GeneratedCodeAnalysisFlags.Analyze"/>
    /// and report only facts the host did not call generated.
    /// </summary>
    public const GeneratedCodeAnalysisFlags SkipGeneratedCode = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
