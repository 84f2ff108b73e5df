namespace PrivacyAnalyzers;

/// <summary>
/// Every rule id, declared once. Ids are never reused or renumbered; fixers, tests and docs refer to
/// these constants. The families: recording access (PRIV00x), deletion paths (PRIV01x), consent-gated
/// collection of location (PRIV02x) and voice (PRIV03x), account-takeover protections (PRIV04x).
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>PRIV010: a personal-data entity is persisted and nothing in the compilation deletes it.</summary>
    public const string PersonalDataNeverDeleted = "PRIV010";

    /// <summary>PRIV011: a deletion handler only sets a deleted flag on personal data.</summary>
    public const string SoftDeleteOfPersonalData = "PRIV011";

    /// <summary>PRIV012: deleting a personal-data entity leaves its stored media or dependent personal data behind.</summary>
    public const string DeletionLeavesDataBehind = "PRIV012";

    /// <summary>PRIV040: password sign-in that does not lock the account out after failed attempts.</summary>
    public const string PasswordSignInWithoutLockout = "PRIV040";

    /// <summary>PRIV041: Identity options that weaken lockout or password strength.</summary>
    public const string WeakIdentityOptions = "PRIV041";
}
