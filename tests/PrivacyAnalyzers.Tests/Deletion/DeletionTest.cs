using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
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

    public static Task VerifyAsync<TAnalyzer>(string[] sources, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        VerifyAsync<TAnalyzer>(sources, editorConfig: null, expected);

    /// <param name="sources">File contents; a name ending in .g.cs is given to a source that starts with <c>//generated</c>.</param>
    /// <param name="editorConfig">Lines of the [*] section of a root .editorconfig, or null for none.</param>
    public static Task VerifyAsync<TAnalyzer>(string[] sources, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test();
        for (var i = 0; i < sources.Length; i++)
        {
            var generated = sources[i].StartsWith("//generated", System.StringComparison.Ordinal);
            test.TestState.Sources.Add(($"/0/File{i}{(generated ? ".g" : string.Empty)}.cs", sources[i]));
        }

        TestSetup.AddEditorConfig(test.TestState, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
