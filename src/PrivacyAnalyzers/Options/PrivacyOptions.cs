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
