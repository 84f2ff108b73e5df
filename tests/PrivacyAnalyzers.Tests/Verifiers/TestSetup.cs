using Microsoft.CodeAnalysis.Testing;

namespace PrivacyAnalyzers.Tests.Verifiers;

/// <summary>What every verifier sets up the same way: references and the .editorconfig of a test.</summary>
internal static class TestSetup
{
    public static void Configure<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = TestReferences.None;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
    }

    public static void AddEditorConfig(SolutionState state, string? sectionLines)
    {
        if (sectionLines is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\n{sectionLines}\n"));
        }
    }
}
