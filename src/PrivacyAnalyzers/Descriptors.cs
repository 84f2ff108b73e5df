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

    public static readonly DiagnosticDescriptor PersonalDataNeverDeleted = Create(
        DiagnosticIds.PersonalDataNeverDeleted,
        title: "Personal data is stored but never deleted",
        messageFormat: "'{0}' holds personal data ({1}) and is stored, but nothing in this project deletes it: it can never be erased",
        description: "Every kind of personal data an app stores needs a deletion path (a Remove, an ExecuteDelete, a repository delete, or a cascade from a deleted principal), otherwise erasure requests cannot be honoured and the data is kept forever.",
        RuleLevel.BuildWarning,
        isCompilationEnd: true);

    public static readonly DiagnosticDescriptor SoftDeleteOfPersonalData = Create(
        DiagnosticIds.SoftDeleteOfPersonalData,
        title: "Deletion request answered by a soft delete",
        messageFormat: "'{0}' answers a deletion request by setting '{1}.{2}': the personal data stays stored and nothing purges it",
        description: "A deletion handler that only flags personal data as deleted keeps all of it in the database. Delete the row, clear its personal data, or add a purge job that hard-deletes flagged rows.",
        RuleLevel.BuildWarning,
        isCompilationEnd: true);

    public static readonly DiagnosticDescriptor DeletionLeavesDataBehind = Create(
        DiagnosticIds.DeletionLeavesDataBehind,
        title: "Deletion leaves derived personal data behind",
        messageFormat: "Deleting '{0}' leaves {1} behind",
        description: "Deleting a personal-data entity must also delete its stored media (files, blobs, objects) and the personal data derived from it (transcripts, embeddings) that no cascade removes.",
        RuleLevel.BuildWarning,
        isCompilationEnd: true);

    public static readonly DiagnosticDescriptor GeolocationWithoutConsent = Create(
        DiagnosticIds.GeolocationWithoutConsent,
        title: "Geolocation collected without a consent check",
        messageFormat: "'{0}' collects {1} on a path that no consent check guards",
        description: "Precise location is collected only after the user (or, for children, a parent) agreed. A location API called on a path where no consent check decided to go ahead collects it without consent. Guard the call: return early unless consent was given, or call it only in the branch where it was.",
        RuleLevel.BuildWarning);

    public static readonly DiagnosticDescriptor LocationWrittenToLog = Create(
        DiagnosticIds.LocationWrittenToLog,
        title: "Precise location written to logs",
        messageFormat: "'{0}' writes a precise location ({1}) to a log",
        description: "Coordinates in logs are precise location kept for as long as the logs are, readable by everyone who reads logs and outside any deletion request. Log a coarse place (city, country) or nothing, or mark the logged parameter with a data-classification attribute so that it is redacted.",
        RuleLevel.BuildWarning);

    public static readonly DiagnosticDescriptor VoiceCaptureWithoutConsent = Create(
        DiagnosticIds.VoiceCaptureWithoutConsent,
        title: "Voice captured without a consent check",
        messageFormat: "'{0}' starts capturing the microphone on a path that no consent check guards",
        description: "A voice is personal data, and a child's voice may be collected only with a parent's consent. A microphone capture started on a path where no consent check decided to go ahead records without consent. Guard the call: return early unless consent was given, or start capturing only in the branch where it was.",
        RuleLevel.BuildWarning);

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
        messageFormat: "'{0}' {1} {2} from a query that is not filtered by the current user",
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
