namespace PrivacyAnalyzers.Internals;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that analyzers set for their code fixes.</summary>
internal static class DiagnosticProperties
{
    /// <summary>A C# expression the fixer puts in place of the flagged value (already chosen by the analyzer from the options).</summary>
    public const string ReplacementExpression = "ReplacementExpression";

    /// <summary>The documentation id of the one configured consent check, which the fixer calls in the guard it inserts.</summary>
    public const string ConsentCheck = "ConsentCheck";
}
