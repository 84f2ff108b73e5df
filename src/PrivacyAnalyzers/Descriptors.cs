using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers;

/// <summary>
/// The whole rule catalogue in one place. Every descriptor is built by <see cref="Create"/>, which sets
/// the category, the severity policy and the help link (<c>docs/rules/{id}.md</c>).
/// </summary>
internal static class Descriptors
{
    /// <summary>The category of every rule; also the prefix of category-wide options (<c>dotnet_code_quality.Privacy.*</c>).</summary>
    public const string Category = "Privacy";

    /// <summary>Where the rule pages live; the help link of each rule is this plus <c>{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/privacyanalyzers/PrivacyAnalyzers/blob/main/docs/rules/";

    // PRIV001 and PRIV002 are reported at compilation end: whether an endpoint is anonymous depends on global
    // authorization set up anywhere in the compilation (see EndpointAuthorization for why).
    public static readonly DiagnosticDescriptor AnonymousRecordingDownload = Create(
        DiagnosticIds.AnonymousRecordingDownload,
        title: "Recording download endpoint allows anonymous access",
        messageFormat: "'{0}' serves recording content ({1}) to anonymous callers: {2}",
        description: "An endpoint that returns a customer's video or voice recording (a file, a stream, a redirect or a signed URL to the media) must require an authenticated caller. Neither the endpoint, its controller or page, its route group, nor a global fallback policy, authorization filter or convention requires authorization, or [AllowAnonymous] overrides it.",
        RuleLevel.BuildWarning,
        isCompilationEnd: true);

    public static readonly DiagnosticDescriptor RecordingWithoutResourceCheck = Create(
        DiagnosticIds.RecordingWithoutResourceCheck,
        title: "Recording returned by id without a per-resource check",
        messageFormat: "'{0}' returns the recording loaded by the caller-supplied '{1}' without checking that the caller may access that recording; {2}",
        description: "Authentication, roles and policies say who may use an endpoint, not whose recordings they may see: with them alone every employee with the role can download every customer's video. Check the loaded recording against the current user (IAuthorizationService.AuthorizeAsync with the recording as resource, an owner comparison, or a query filtered by the current user) on every path before returning it.",
        RuleLevel.BuildWarning,
        isCompilationEnd: true);

    public static readonly DiagnosticDescriptor UnscopedRecordingCollection = Create(
        DiagnosticIds.UnscopedRecordingCollection,
        title: "Endpoint exposes recordings not scoped to the caller",
        messageFormat: "'{0}' {1} recordings from a query that is not filtered by the current user",
        description: "An endpoint that returns, streams or archives a collection of recordings must only include the caller's own: a query with no filter involving the current user (db.Recordings.ToListAsync(), an \"export all\") hands every customer's recordings to whoever can call it.",
        RuleLevel.BuildWarning);

    public static readonly DiagnosticDescriptor UnauditedRecordingAccess = Create(
        DiagnosticIds.UnauditedRecordingAccess,
        title: "Recording access is not audited",
        messageFormat: "'{0}' serves recording content without calling an audit method first",
        description: "Every access to a customer's recording should leave an audit trail (who, which recording, when) so that misuse by employees is detected. Call one of the configured audit methods on every path before the content is returned.",
        RuleLevel.Disabled);

    public static readonly DiagnosticDescriptor PasswordSignInWithoutLockout = Create(
        DiagnosticIds.PasswordSignInWithoutLockout,
        title: "Password sign-in without lockout",
        messageFormat: "'{0}' is called with lockoutOnFailure false: unlimited password guesses allow credential stuffing and brute force",
        description: "Password sign-in must count failed attempts and lock the account out, otherwise attackers can try leaked credentials and guess passwords without limit. Pass lockoutOnFailure: true.",
        RuleLevel.BuildWarning);

    public static readonly DiagnosticDescriptor WeakIdentityOptions = Create(
        DiagnosticIds.WeakIdentityOptions,
        title: "Identity options weaken account protection",
        messageFormat: "'{0}' is set to {1}: {2}",
        description: "ASP.NET Core Identity options that disable lockout for new users, allow many failed attempts, lock out only briefly or accept short passwords make account takeover by credential stuffing and brute force easy.",
        RuleLevel.BuildWarning);

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string description,
        RuleLevel level,
        bool isCompilationEnd = false)
    {
        var tags = isCompilationEnd
            ? new[] { WellKnownDiagnosticTags.CompilationEnd }
            : System.Array.Empty<string>();

        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            Category,
            level is RuleLevel.IdeSuggestion or RuleLevel.Disabled ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning,
            isEnabledByDefault: level != RuleLevel.Disabled,
            description,
            HelpLinkBase + id + ".md",
            tags);
    }
}
