using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PrivacyAnalyzers.Deletion;
using PrivacyAnalyzers.Tests.Verifiers;

namespace PrivacyAnalyzers.Tests.Deletion;

/// <summary>Multi-file verification for the compilation-wide deletion-path rules (each source is its own file).</summary>
internal static class DeletionTest
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        """;

    public static Task VerifyAsync(string ruleId, string[] sources, params DiagnosticResult[] expected) =>
        VerifyAsync(ruleId, sources, editorConfig: null, expected);

    /// <param name="ruleId">The rule under test: the deletion-path analyzer's other rules are left out of the comparison.</param>
    /// <param name="sources">File contents; a name ending in .g.cs is given to a source that starts with <c>//generated</c>.</param>
    /// <param name="editorConfig">Lines of the [*] section of a root .editorconfig, or null for none.</param>
    public static Task VerifyAsync(string ruleId, string[] sources, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = Test(ruleId);
        for (var i = 0; i < sources.Length; i++)
        {
            var generated = sources[i].StartsWith("//generated", System.StringComparison.Ordinal);
            test.TestState.Sources.Add(($"/0/File{i}{(generated ? ".g" : string.Empty)}.cs", sources[i]));
        }

        TestSetup.AddEditorConfig(test.TestState, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>A test of <see cref="DeletionPathAnalyzer"/> that compares only the diagnostics of <paramref name="ruleId"/>.</summary>
    public static CSharpAnalyzerVerifier<DeletionPathAnalyzer>.Test Test(string ruleId)
    {
        var test = new CSharpAnalyzerVerifier<DeletionPathAnalyzer>.Test();
        foreach (var descriptor in new DeletionPathAnalyzer().SupportedDiagnostics)
        {
            if (descriptor.Id != ruleId)
            {
                test.DisabledDiagnostics.Add(descriptor.Id);
            }
        }

        return test;
    }
}

/// <summary>Per-rule verifiers of the deletion-path analyzer (it supports PRIV010–PRIV012), for the tests' <c>Verify</c> aliases.</summary>
internal static class DeletionVerifier
{
    /// <summary>PRIV010.</summary>
    public static class PersonalDataNeverDeleted
    {
        public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<DeletionPathAnalyzer>.Diagnostic(DiagnosticIds.PersonalDataNeverDeleted);

        public static CSharpAnalyzerVerifier<DeletionPathAnalyzer>.Test Test() => DeletionTest.Test(DiagnosticIds.PersonalDataNeverDeleted);
    }

    /// <summary>PRIV011.</summary>
    public static class SoftDeleteOfPersonalData
    {
        public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<DeletionPathAnalyzer>.Diagnostic(DiagnosticIds.SoftDeleteOfPersonalData);
    }

    /// <summary>PRIV012.</summary>
    public static class DeletionLeavesDataBehind
    {
        public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<DeletionPathAnalyzer>.Diagnostic(DiagnosticIds.DeletionLeavesDataBehind);
    }
}
