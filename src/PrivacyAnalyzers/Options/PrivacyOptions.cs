using System.Collections.Immutable;

namespace PrivacyAnalyzers.Options;

/// <summary>
/// Every <c>.editorconfig</c> option of the package, declared once with its key, default and rules.
/// Each is documented on the pages of its rules (a meta test checks it) and in docs/configuration.md.
/// </summary>
internal static class PrivacyOptions
{
    /// <summary>The rules that share the recording model's options (the deletion-path family adds its ids here).</summary>
    private static readonly string[] RecordingAccessRules =
    {
        DiagnosticIds.AnonymousRecordingDownload,
        DiagnosticIds.RecordingWithoutResourceCheck,
        DiagnosticIds.UnscopedRecordingCollection,
        DiagnosticIds.UnauditedRecordingAccess,
    };

    /// <summary>PRIV041: the most failed sign-in attempts before lockout that is still acceptable.</summary>
    public static readonly AnalyzerOption<int> MaxFailedAccessAttempts = new(
        "max_failed_access_attempts", 10, "10", OptionParsers.NonNegativeInt32, DiagnosticIds.WeakIdentityOptions);

    /// <summary>PRIV041: the shortest acceptable lockout, in minutes.</summary>
    public static readonly AnalyzerOption<int> MinLockoutMinutes = new(
        "min_lockout_minutes", 1, "1", OptionParsers.NonNegativeInt32, DiagnosticIds.WeakIdentityOptions);

    /// <summary>PRIV041: the shortest acceptable minimum password length (NIST SP 800-63B asks for 8).</summary>
    public static readonly AnalyzerOption<int> MinPasswordLength = new(
        "min_password_length", 8, "8", OptionParsers.NonNegativeInt32, DiagnosticIds.WeakIdentityOptions);

    /// <summary>PRIV001-PRIV004: types (and members) that are recordings, besides those the model recognizes.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> RecordingTypes = new(
        "recording_types", ImmutableArray<string>.Empty, "(empty)", OptionParsers.SymbolIds, RecordingAccessRules);

    /// <summary>PRIV001-PRIV004: types (and members) that are never recordings, whatever their name or attributes say.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> ExcludedTypes = new(
        "excluded_types", ImmutableArray<string>.Empty, "(empty)", OptionParsers.SymbolIds, RecordingAccessRules);

    /// <summary>PRIV001-PRIV004: words that, in the name of a DataClassificationAttribute subclass, mark recording data.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> RecordingClassifications = new(
        "recording_classifications", ImmutableArray.Create("Recording", "Video", "Audio", "Voice"), "Recording|Video|Audio|Voice", OptionParsers.Words, RecordingAccessRules);

    /// <summary>PRIV002, PRIV003: members that return the signed-in user (or their id), besides the framework's.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> CurrentUserMembers = new(
        "current_user_members", ImmutableArray<string>.Empty, "(empty)", OptionParsers.SymbolIds, DiagnosticIds.RecordingWithoutResourceCheck, DiagnosticIds.UnscopedRecordingCollection);

    /// <summary>PRIV002: methods that check the caller's access to one recording (returning bool, or throwing when denied).</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> AccessCheckMethods = new(
        "access_check_methods", ImmutableArray<string>.Empty, "(empty)", OptionParsers.SymbolIds, DiagnosticIds.RecordingWithoutResourceCheck);

    /// <summary>PRIV002: the authorization policy the code fix passes to <c>IAuthorizationService.AuthorizeAsync</c>.</summary>
    public static readonly AnalyzerOption<string> ResourcePolicyName = new(
        "resource_policy_name", "RecordingOwner", "RecordingOwner", OptionParsers.Text, DiagnosticIds.RecordingWithoutResourceCheck);

    /// <summary>PRIV004: methods that write the audit trail of a recording access.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> AuditMethods = new(
        "audit_methods", ImmutableArray<string>.Empty, "(empty)", OptionParsers.SymbolIds, DiagnosticIds.UnauditedRecordingAccess);

    public static readonly ImmutableArray<IAnalyzerOption> All = ImmutableArray.Create<IAnalyzerOption>(
        MaxFailedAccessAttempts,
        MinLockoutMinutes,
        MinPasswordLength,
        RecordingTypes,
        ExcludedTypes,
        RecordingClassifications,
        CurrentUserMembers,
        AccessCheckMethods,
        ResourcePolicyName,
        AuditMethods);
}
