namespace PrivacyAnalyzers.Internals;

/// <summary>Metadata names of the framework types the rules match by symbol. Kept in one file so a reader sees every dependency.</summary>
internal static class WellKnownTypeNames
{
    public const string SystemTimeSpan = "System.TimeSpan";

    // ASP.NET Core Identity (Microsoft.AspNetCore.Identity and Microsoft.Extensions.Identity.Core).
    public const string IdentitySignInManager1 = "Microsoft.AspNetCore.Identity.SignInManager`1";
    public const string IdentityLockoutOptions = "Microsoft.AspNetCore.Identity.LockoutOptions";
    public const string IdentityPasswordOptions = "Microsoft.AspNetCore.Identity.PasswordOptions";
}
