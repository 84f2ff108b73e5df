using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PrivacyAnalyzers.Tests.Verifiers;

namespace PrivacyAnalyzers.Tests.Consent;

/// <summary>The verifiers of this family with the platform stubs added as extra source files.</summary>
internal static class ConsentTest
{
    public static Task VerifyAsync<TAnalyzer>(string source, string? editorConfig = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        AddStubs(test.TestState);
        TestSetup.AddEditorConfig(test.TestState, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, string? editorConfig = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Test { TestCode = source, FixedCode = fixedSource };
        AddStubs(test.TestState);
        AddStubs(test.FixedState);
        TestSetup.AddEditorConfig(test.TestState, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static void AddStubs(SolutionState state)
    {
        for (var i = 0; i < PlatformStubs.All.Length; i++)
        {
            state.Sources.Add(($"/0/PlatformStubs{i}.cs", PlatformStubs.All[i]));
        }
    }
}
