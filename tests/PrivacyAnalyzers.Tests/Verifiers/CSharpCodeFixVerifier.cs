using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PrivacyAnalyzers.Tests.Verifiers;

/// <summary>Verifies an analyzer with its code fix: diagnostics before, the fixed source after, fix-all included.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, editorConfig: null, expected);

    /// <param name="editorConfig">Lines of the [*] section of a root .editorconfig, or null for none.</param>
    public static Task VerifyAnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        TestSetup.AddEditorConfig(test.TestState, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// Checks the diagnostics of <paramref name="source"/>, that the fix turns it into <paramref name="fixedSource"/>
    /// one diagnostic at a time, and that fix-all in document, project and solution gives the same result.
    /// </summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        TestSetup.AddEditorConfig(test.TestState, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            TestSetup.Configure(this);

            // Compilation-end diagnostics are not local to a document; their fixes still apply (dotnet format, and the
            // IDE with full-solution analysis), so only the testing library's "local diagnostics only" check is skipped.
            if (new TAnalyzer().SupportedDiagnostics.Any(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)))
            {
                this.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            }
        }
    }
}
