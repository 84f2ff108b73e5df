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
            level == RuleLevel.IdeSuggestion ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning,
            isEnabledByDefault: level != RuleLevel.Disabled,
            description,
            HelpLinkBase + id + ".md",
            tags);
    }
}
