using Microsoft.CodeAnalysis;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// What ASP.NET Core Identity offers against account takeover, resolved once per compilation: the
/// password sign-in methods with their <c>lockoutOnFailure</c> switch, and the lockout and password options.
/// </summary>
internal sealed class IdentityModel
{
    public const string LockoutOnFailureParameter = "lockoutOnFailure";

    private IdentityModel(INamedTypeSymbol? signInManager, INamedTypeSymbol? lockoutOptions, INamedTypeSymbol? passwordOptions, INamedTypeSymbol? timeSpan)
    {
        this.SignInManager = signInManager;
        this.LockoutOptions = lockoutOptions;
        this.PasswordOptions = passwordOptions;
        this.TimeSpan = timeSpan;
    }

    /// <summary><c>SignInManager&lt;TUser&gt;</c>, or null when Identity is not referenced.</summary>
    public INamedTypeSymbol? SignInManager { get; }

    public INamedTypeSymbol? LockoutOptions { get; }

    public INamedTypeSymbol? PasswordOptions { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public static IdentityModel For(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        return new IdentityModel(
            types.Get(WellKnownTypeNames.IdentitySignInManager1),
            types.Get(WellKnownTypeNames.IdentityLockoutOptions),
            types.Get(WellKnownTypeNames.IdentityPasswordOptions),
            types.Get(WellKnownTypeNames.SystemTimeSpan));
    }

    /// <summary>
    /// True for <c>PasswordSignInAsync</c> (both overloads) and <c>CheckPasswordSignInAsync</c> of
    /// <c>SignInManager&lt;TUser&gt;</c>, called on it or on a subclass, including a subclass's override.
    /// </summary>
    public bool IsPasswordSignIn(IMethodSymbol method)
    {
        if (this.SignInManager is null ||
            method.Name is not ("PasswordSignInAsync" or "CheckPasswordSignInAsync"))
        {
            return false;
        }

        var declaration = method.FindDeclarationOn(this.SignInManager);
        if (declaration is null)
        {
            return false;
        }

        foreach (var parameter in declaration.Parameters)
        {
            if (parameter.Name == LockoutOnFailureParameter && parameter.Type.SpecialType == SpecialType.System_Boolean)
            {
                return true;
            }
        }

        return false;
    }
}
