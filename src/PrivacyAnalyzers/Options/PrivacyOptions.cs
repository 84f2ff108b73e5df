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

    /// <summary>PRIV041: the most failed sign-in attempts before lockout that is still acceptable.</summary>
    public static readonly AnalyzerOption<int> MaxFailedAccessAttempts = new(
        "max_failed_access_attempts", 10, "10", OptionParsers.NonNegativeInt32, DiagnosticIds.WeakIdentityOptions);

    /// <summary>PRIV041: the shortest acceptable lockout, in minutes.</summary>
    public static readonly AnalyzerOption<int> MinLockoutMinutes = new(
        "min_lockout_minutes", 1, "1", OptionParsers.NonNegativeInt32, DiagnosticIds.WeakIdentityOptions);

    /// <summary>PRIV041: the shortest acceptable minimum password length (NIST SP 800-63B asks for 8).</summary>
    public static readonly AnalyzerOption<int> MinPasswordLength = new(
        "min_password_length", 8, "8", OptionParsers.NonNegativeInt32, DiagnosticIds.WeakIdentityOptions);

    /// <summary>PRIV010–PRIV012: types that hold personal data although no label or name says so (documentation ids).</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> PersonalDataTypes = new(
        "personal_data_types", ImmutableArray<string>.Empty, "(none)", OptionParsers.SymbolIds, DeletionRules);

    /// <summary>PRIV010–PRIV012: types that are never personal data, whatever their labels or names (documentation ids).</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> ExcludedTypes = new(
        "excluded_types", ImmutableArray<string>.Empty, "(none)", OptionParsers.SymbolIds, DeletionRules);

    /// <summary>PRIV010–PRIV012: the team's own methods that delete the entities (or stored media) they are given (documentation ids).</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> DeletionMethods = new(
        "deletion_methods", ImmutableArray<string>.Empty, "(none)", OptionParsers.SymbolIds, DeletionRules);

    /// <summary>PRIV010–PRIV012: whether type names (Recording, FaceProfile, GeofenceEvent...) mark personal data when nothing labels it.</summary>
    public static readonly AnalyzerOption<bool> PersonalDataVocabulary = new(
        "personal_data_vocabulary", true, "true", OptionParsers.Boolean, DeletionRules);

    /// <summary>PRIV011: methods that answer deletion requests although their names do not say so (documentation ids).</summary>
    public static readonly AnalyzerOption<ImmutableArray<string>> DeletionHandlers = new(
        "deletion_handlers", ImmutableArray<string>.Empty, "(none)", OptionParsers.SymbolIds, DiagnosticIds.SoftDeleteOfPersonalData);

    public static readonly ImmutableArray<IAnalyzerOption> All = ImmutableArray.Create<IAnalyzerOption>(
        LocationSources,
        CaptureSources,
        ConsentChecks,
        AcceptOsPermission,
        LocationMembers,
        MaxFailedAccessAttempts,
        MinLockoutMinutes,
        MinPasswordLength,
        PersonalDataTypes,
        ExcludedTypes,
        DeletionMethods,
        PersonalDataVocabulary,
        DeletionHandlers);

    private static string[] DeletionRules => new[]
    {
        DiagnosticIds.PersonalDataNeverDeleted, DiagnosticIds.SoftDeleteOfPersonalData, DiagnosticIds.DeletionLeavesDataBehind,
    };
}
