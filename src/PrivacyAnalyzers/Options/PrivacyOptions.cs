using System.Collections.Immutable;

namespace PrivacyAnalyzers.Options;

/// <summary>
/// Every <c>.editorconfig</c> option of the package, declared once with its key, default and rules.
/// Each is documented on the pages of its rules (a meta test checks it) and in docs/configuration.md.
/// </summary>
internal static class PrivacyOptions
{
    /// <summary>Shown as the default of the list options that are empty unless configured.</summary>
    public const string NoneText = "(none)";

    /// <summary>The rules that read the recording model's options.</summary>
    private static readonly string[] RecordingAccessRules =
    {
        DiagnosticIds.AnonymousRecordingDownload,
        DiagnosticIds.RecordingWithoutResourceCheck,
        DiagnosticIds.UnscopedRecordingCollection,
        DiagnosticIds.UnauditedRecordingAccess,
    };

    /// <summary>The rules that read the personal-data model's options.</summary>
    private static readonly string[] DeletionRules =
    {
        DiagnosticIds.PersonalDataNeverDeleted,
        DiagnosticIds.SoftDeleteOfPersonalData,
        DiagnosticIds.DeletionLeavesDataBehind,
    };

    /// <summary>The rules that read the personal-data model's options: the deletion rules, and PRIV021 (coordinates of personal-data types).</summary>
    private static readonly string[] PersonalDataModelRules = [.. DeletionRules, DiagnosticIds.LocationWrittenToLog];

    // Recording access (PRIV00x).

    /// <summary>PRIV001-PRIV004: types (and members) that are recordings, besides those the model recognizes.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> RecordingTypes = new(
        "recording_types", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, RecordingAccessRules);

    /// <summary>
    /// PRIV001-PRIV004, PRIV010-PRIV012, PRIV021: types (and members) that are never recordings or personal data,
    /// whatever their names, labels or attributes say. One key for both models: a false match is false for both.
    /// </summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> ExcludedTypes = new(
        "excluded_types", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, [.. RecordingAccessRules, .. PersonalDataModelRules]);

    /// <summary>PRIV001-PRIV004: words that, in the name of a DataClassificationAttribute subclass, mark recording data.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> RecordingClassifications = new(
        "recording_classifications", ImmutableArray.Create("Recording", "Video", "Audio", "Voice"), "Recording|Video|Audio|Voice", OptionParsers.Words, RecordingAccessRules);

    /// <summary>PRIV002, PRIV003: members that return the signed-in user (or their id), besides the framework's.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> CurrentUserMembers = new(
        "current_user_members", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, DiagnosticIds.RecordingWithoutResourceCheck, DiagnosticIds.UnscopedRecordingCollection);

    /// <summary>PRIV002: methods that check the caller's access to one recording (returning bool, or throwing when denied).</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> AccessCheckMethods = new(
        "access_check_methods", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, DiagnosticIds.RecordingWithoutResourceCheck);

    /// <summary>PRIV002: the authorization policy the code fix passes to <c>IAuthorizationService.AuthorizeAsync</c>.</summary>
    public static readonly AnalyzerOption<string> ResourcePolicyName = new(
        "resource_policy_name", "RecordingOwner", "RecordingOwner", OptionParsers.Text, DiagnosticIds.RecordingWithoutResourceCheck);

    /// <summary>PRIV004: methods that write the audit trail of a recording access.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> AuditMethods = new(
        "audit_methods", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, DiagnosticIds.UnauditedRecordingAccess);

    // Deletion paths (PRIV01x).

    /// <summary>PRIV010–PRIV012, PRIV021: types that hold personal data although no label or name says so (documentation ids).</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> PersonalDataTypes = new(
        "personal_data_types", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, PersonalDataModelRules);

    /// <summary>PRIV010–PRIV012: the team's own methods that delete the entities (or stored media) they are given (documentation ids).</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> DeletionMethods = new(
        "deletion_methods", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, DeletionRules);

    /// <summary>PRIV010–PRIV012, PRIV021: whether type names (Recording, FaceProfile, GeofenceEvent...) mark personal data when nothing labels it.</summary>
    public static readonly AnalyzerOption<bool> PersonalDataVocabulary = new(
        "personal_data_vocabulary", true, "true", OptionParsers.Boolean, PersonalDataModelRules);

    /// <summary>PRIV011: methods that answer deletion requests although their names do not say so (documentation ids).</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> DeletionHandlers = new(
        "deletion_handlers", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, DiagnosticIds.SoftDeleteOfPersonalData);

    // Consent-gated collection (PRIV02x, PRIV03x).

    /// <summary>PRIV020: further members (documentation ids) that collect precise location, beside the built-in APIs.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> LocationSources = new(
        "location_sources", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, DiagnosticIds.GeolocationWithoutConsent);

    /// <summary>PRIV030: further members (documentation ids) that start capturing the microphone, beside the built-in APIs.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> CaptureSources = new(
        "capture_sources", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, DiagnosticIds.VoiceCaptureWithoutConsent);

    /// <summary>PRIV020, PRIV030: members (documentation ids) whose result is the app's consent decision.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> ConsentChecks = new(
        "consent_checks", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, DiagnosticIds.GeolocationWithoutConsent, DiagnosticIds.VoiceCaptureWithoutConsent);

    /// <summary>PRIV020, PRIV030: whether an OS permission granted by the user counts as consent (false for child-directed services).</summary>
    public static readonly AnalyzerOption<bool> AcceptOsPermission = new(
        "accept_os_permission", true, "true", OptionParsers.Boolean, DiagnosticIds.GeolocationWithoutConsent, DiagnosticIds.VoiceCaptureWithoutConsent);

    /// <summary>PRIV021: further members (documentation ids: properties, fields) that hold a precise location.</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> LocationMembers = new(
        "location_members", ImmutableArray<string>.Empty, NoneText, OptionParsers.SymbolIds, DiagnosticIds.LocationWrittenToLog);

    // Account-takeover protections (PRIV04x).

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
        RecordingTypes,
        ExcludedTypes,
        RecordingClassifications,
        CurrentUserMembers,
        AccessCheckMethods,
        ResourcePolicyName,
        AuditMethods,
        PersonalDataTypes,
        DeletionMethods,
        PersonalDataVocabulary,
        DeletionHandlers,
        LocationSources,
        CaptureSources,
        ConsentChecks,
        AcceptOsPermission,
        LocationMembers,
        MaxFailedAccessAttempts,
        MinLockoutMinutes,
        MinPasswordLength);
}
