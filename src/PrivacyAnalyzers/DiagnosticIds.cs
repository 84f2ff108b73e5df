namespace PrivacyAnalyzers;

/// <summary>
/// Every rule id, declared once. Ids are never reused or renumbered; fixers, tests and docs refer to
/// these constants. The families: recording access (PRIV00x), deletion paths (PRIV01x), consent-gated
/// collection of location (PRIV02x) and voice (PRIV03x), account-takeover protections (PRIV04x).
/// </summary>
internal static class DiagnosticIds
{
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
