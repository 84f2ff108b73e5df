namespace PrivacyAnalyzers.Internals;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that analyzers set for their code fixes.</summary>
internal static class DiagnosticProperties
{
    /// <summary>A C# expression the fixer puts in place of the flagged value (already chosen by the analyzer from the options).</summary>
    public const string ReplacementExpression = "ReplacementExpression";

    /// <summary>The documentation id of the one configured consent check, which the fixer calls in the guard it inserts.</summary>
    public const string ConsentCheck = "ConsentCheck";

    /// <summary>Which code fix applies (the values are the constants of the rule's fixer).</summary>
    public const string Fix = "Fix";

    /// <summary>PRIV002: the name of the local that holds the loaded recording.</summary>
    public const string RecordingVariable = "RecordingVariable";

    /// <summary>PRIV002: the authorization policy the fix checks (from <c>resource_policy_name</c>).</summary>
    public const string PolicyName = "PolicyName";

    /// <summary>PRIV002: the member through which an <c>IAuthorizationService</c> is reachable, if any.</summary>
    public const string AuthorizationServiceMember = "AuthorizationServiceMember";
}
