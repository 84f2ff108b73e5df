using System.Collections.Immutable;

namespace PrivacyAnalyzers.Options;

/// <summary>
/// Every <c>.editorconfig</c> option of the package, declared once with its key, default and rules.
/// Each is documented on the pages of its rules (a meta test checks it) and in docs/configuration.md.
/// </summary>
internal static class PrivacyOptions
{
    /// <summary>PRIV041: the most failed sign-in attempts before lockout that is still acceptable.</summary>
    public static readonly AnalyzerOption<int> MaxFailedAccessAttempts = new(
        "max_failed_access_attempts", 10, "10", OptionParsers.NonNegativeInt32, DiagnosticIds.WeakIdentityOptions);

    /// <summary>PRIV041: the shortest acceptable lockout, in minutes.</summary>
    public static readonly AnalyzerOption<int> MinLockoutMinutes = new(
        "min_lockout_minutes", 1, "1", OptionParsers.NonNegativeInt32, DiagnosticIds.WeakIdentityOptions);

    /// <summary>PRIV041: the shortest acceptable minimum password length (NIST SP 800-63B asks for 8).</summary>
    public static readonly AnalyzerOption<int> MinPasswordLength = new(
        "min_password_length", 8, "8", OptionParsers.NonNegativeInt32, DiagnosticIds.WeakIdentityOptions);

    public static readonly ImmutableArray<IAnalyzerOption> All = ImmutableArray.Create<IAnalyzerOption>(
        MaxFailedAccessAttempts,
        MinLockoutMinutes,
        MinPasswordLength);
}
