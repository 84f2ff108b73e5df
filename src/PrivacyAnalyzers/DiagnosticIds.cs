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

    /// <summary>PRIV020: the device's or a client's precise location collected on a path with no consent check.</summary>
    public const string GeolocationWithoutConsent = "PRIV020";

    /// <summary>PRIV021: a precise location (coordinates) written to a log.</summary>
    public const string LocationWrittenToLog = "PRIV021";

    /// <summary>PRIV030: the microphone started on a path with no consent check.</summary>
    public const string VoiceCaptureWithoutConsent = "PRIV030";

    /// <summary>PRIV001: an endpoint that serves recording content to anonymous callers.</summary>
    public const string AnonymousRecordingDownload = "PRIV001";

    /// <summary>PRIV002: a recording loaded by a caller-supplied key and returned without a per-resource check.</summary>
    public const string RecordingWithoutResourceCheck = "PRIV002";

    /// <summary>PRIV003: an endpoint that returns or archives recordings from a query not scoped to the caller.</summary>
    public const string UnscopedRecordingCollection = "PRIV003";

    /// <summary>PRIV004: recording content served without writing the audit trail.</summary>
    public const string UnauditedRecordingAccess = "PRIV004";

    /// <summary>PRIV040: password sign-in that does not lock the account out after failed attempts.</summary>
    public const string PasswordSignInWithoutLockout = "PRIV040";

    /// <summary>PRIV041: Identity options that weaken lockout or password strength.</summary>
    public const string WeakIdentityOptions = "PRIV041";
}
