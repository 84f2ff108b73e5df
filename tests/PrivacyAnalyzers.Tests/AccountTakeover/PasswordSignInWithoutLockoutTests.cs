using System.Threading.Tasks;
using PrivacyAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = PrivacyAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    PrivacyAnalyzers.AccountTakeover.PasswordSignInWithoutLockoutAnalyzer,
    PrivacyAnalyzers.CodeFixes.AccountTakeover.PasswordSignInWithoutLockoutFixer>;

namespace PrivacyAnalyzers.Tests.AccountTakeover;

/// <summary>PRIV040: password sign-in without lockout.</summary>
public sealed class PasswordSignInWithoutLockoutTests
{
    private const string Usings = """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

        """;

    [Fact]
    public async Task SignInsInLambdasLocalFunctionsAndInitializers_AreEachFlagged()
    {
        // Calls nested in lambdas and local functions, and calls in a field initializer, are found like any other.
        var source = Usings + """
            using System;

            public class Logins
            {
                private static readonly Func<SignInManager<IdentityUser>, Task<SignInResult>> Probe =
                    s => s.PasswordSignInAsync("probe", "secret", false, {|#0:false|});

                public Func<string, string, Task<SignInResult>> Handler(SignInManager<IdentityUser> signIn) =>
                    async (user, password) => await signIn.PasswordSignInAsync(user, password, isPersistent: false, {|#1:lockoutOnFailure: false|});

                public async Task<bool> Check(SignInManager<IdentityUser> signIn, IdentityUser user, string password)
                {
                    return (await Verify()).Succeeded;

                    Task<SignInResult> Verify() => signIn.CheckPasswordSignInAsync(user, password, {|#2:lockoutOnFailure: false|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("PasswordSignInAsync"),
            Verify.Diagnostic().WithLocation(1).WithArguments("PasswordSignInAsync"),
            Verify.Diagnostic().WithLocation(2).WithArguments("CheckPasswordSignInAsync"));
    }

    [Fact]
    public async Task ScaffoldedLoginPage_NamedFalse_IsFlaggedAndFixed()
    {
        var source = Usings + """
            public class LoginModel : PageModel
            {
                private readonly SignInManager<IdentityUser> _signInManager;

                public LoginModel(SignInManager<IdentityUser> signInManager) => _signInManager = signInManager;

                [BindProperty]
                public InputModel Input { get; set; } = new();

                public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
                {
                    if (ModelState.IsValid)
                    {
                        // This doesn't count login failures towards account lockout
                        // To enable password failures to trigger account lockout, set lockoutOnFailure: true
                        var result = await _signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, {|#0:lockoutOnFailure: false|});
                        if (result.Succeeded)
                        {
                            return LocalRedirect(returnUrl ?? "/");
                        }
                    }

                    return Page();
                }

                public class InputModel
                {
                    public string Email { get; set; } = "";
                    public string Password { get; set; } = "";
                    public bool RememberMe { get; set; }
                }
            }
            """;
        var fixedSource = source.Replace("{|#0:lockoutOnFailure: false|}", "lockoutOnFailure: true");

        await Verify.VerifyCodeFixAsync(source, fixedSource, expected: Verify.Diagnostic().WithLocation(0).WithArguments("PasswordSignInAsync"));
    }

    [Fact]
    public async Task PositionalFalse_OnUserOverload_IsFlaggedAndFixedInPlace()
    {
        var source = Usings + """
            public class AccountService
            {
                private readonly SignInManager<IdentityUser> signIn;
                public AccountService(SignInManager<IdentityUser> signIn) => this.signIn = signIn;

                public Task<SignInResult> SignIn(IdentityUser user, string password) =>
                    signIn.PasswordSignInAsync(user, password, false, [|false|]);
            }
            """;
        var fixedSource = source.Replace("false, [|false|]", "false, true");

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CheckPasswordSignIn_InMinimalApi_IsFlagged()
    {
        var source = Usings + """
            public static class TokenEndpoint
            {
                public static async Task<bool> Check(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, string name, string password)
                {
                    var user = await users.FindByNameAsync(name);
                    if (user is null) return false;
                    var result = await signIn.CheckPasswordSignInAsync(user, password, {|#0:lockoutOnFailure: false|});
                    return result.Succeeded;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("CheckPasswordSignInAsync"));
    }

    [Fact]
    public async Task NamedArgumentsOutOfOrder_AreFlaggedAndKeepTheirOrder()
    {
        var source = Usings + """
            public class C
            {
                public Task<SignInResult> M(SignInManager<IdentityUser> s) =>
                    s.PasswordSignInAsync([|lockoutOnFailure: false|], userName: "u", password: "p", isPersistent: true);
            }
            """;
        var fixedSource = source.Replace("[|lockoutOnFailure: false|]", "lockoutOnFailure: true");

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task ConstFalse_LocalConstAndConstField_AreFlagged()
    {
        var source = Usings + """
            public class C
            {
                private const bool LockoutEnabled = false;

                public async Task M(SignInManager<IdentityUser> s)
                {
                    const bool lockout = false;
                    await s.PasswordSignInAsync("u", "p", false, [|lockout|]);
                    await s.PasswordSignInAsync("u", "p", false, [|lockoutOnFailure: LockoutEnabled|]);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LocalAndPrivateFieldOnlyEverFalse_AreFlagged()
    {
        var source = Usings + """
            public class C
            {
                private bool lockoutEnabled;
                private static readonly bool LockoutOnFailure = false;

                public async Task M(SignInManager<IdentityUser> s)
                {
                    var lockout = false;
                    lockout = false;
                    await s.PasswordSignInAsync("u", "p", false, [|lockout|]);
                    await s.PasswordSignInAsync("u", "p", false, [|lockoutEnabled|]);
                    await s.PasswordSignInAsync("u", "p", false, [|this.lockoutEnabled|]);
                    await s.PasswordSignInAsync("u", "p", false, [|LockoutOnFailure|]);
                }

                public void Reset() => lockoutEnabled = false;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FalseThroughAConversion_IsFlaggedOnlyWhenTheConversionKeepsIt()
    {
        // Boxing and unboxing keep the value: a boxed false is still false. A user-defined conversion may turn false into
        // anything, so nothing behind one is proven false: a local of such a type, a literal converted through it, or a
        // bool local initialized that way.
        var source = Usings + """
            public readonly struct Switch
            {
                private readonly bool on;
                private Switch(bool on) => this.on = on;
                public static implicit operator Switch(bool on) => new(!on);
                public static implicit operator bool(Switch value) => value.on;
            }

            public class C
            {
                public async Task M(SignInManager<IdentityUser> s)
                {
                    object boxed = false;
                    bool? nullable = false;
                    Switch inverted = false;
                    bool throughSwitch = (Switch)false;
                    await s.PasswordSignInAsync("u", "p", false, [|(bool)boxed|]);
                    await s.PasswordSignInAsync("u", "p", false, [|(bool)nullable|]);
                    await s.PasswordSignInAsync("u", "p", false, inverted);
                    await s.PasswordSignInAsync("u", "p", false, (Switch)false);
                    await s.PasswordSignInAsync("u", "p", false, throughSwitch);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task VariablesThatAreSometimesTrue_AreNotFlagged()
    {
        var source = Usings + """
            public class C
            {
                private bool lockoutEnabled;
                private readonly bool fromConfig;
                public bool PublicFlag;

                public C(bool fromConfig) => this.fromConfig = fromConfig;

                public void Enable() => lockoutEnabled = true;

                public async Task M(SignInManager<IdentityUser> s, bool parameter, bool strict)
                {
                    var lockout = false;
                    if (strict) lockout = true;
                    var viaRef = false;
                    Set(ref viaRef);
                    var (deconstructed, _) = (false, 1);
                    bool assignedLater;
                    assignedLater = strict;

                    await s.PasswordSignInAsync("u", "p", false, lockout);
                    await s.PasswordSignInAsync("u", "p", false, viaRef);
                    await s.PasswordSignInAsync("u", "p", false, deconstructed);
                    await s.PasswordSignInAsync("u", "p", false, assignedLater);
                    await s.PasswordSignInAsync("u", "p", false, parameter);
                    await s.PasswordSignInAsync("u", "p", false, lockoutEnabled);
                    await s.PasswordSignInAsync("u", "p", false, fromConfig);
                    await s.PasswordSignInAsync("u", "p", false, PublicFlag);
                    await s.PasswordSignInAsync("u", "p", false, true);
                    await s.PasswordSignInAsync("u", "p", isPersistent: false, lockoutOnFailure: true);
                    await s.PasswordSignInAsync("u", "p", false, !strict);
                }

                private static void Set(ref bool value) => value = true;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LocalsWrittenThroughAnAlias_AreNotFlagged_TheirNeighboursStillAre()
    {
        // A ref local, a ref conditional or a pointer can write a local later without naming it: such a local is
        // unknown. The locals declared beside them, only ever false, are still flagged.
        var source = Usings + """
            public class C
            {
                public async Task M(SignInManager<IdentityUser> s, bool strict)
                {
                    var aliased = false;
                    ref bool alias = ref aliased;
                    alias = true;
                    var either = false;
                    var other = false;
                    (strict ? ref either : ref other) = true;
                    var pointed = false;
                    unsafe
                    {
                        bool* pointer = &pointed;
                        *pointer = true;
                    }

                    var plain = false;

                    await s.PasswordSignInAsync("u", "p", false, aliased);
                    await s.PasswordSignInAsync("u", "p", false, either);
                    await s.PasswordSignInAsync("u", "p", false, other);
                    await s.PasswordSignInAsync("u", "p", false, pointed);
                    await s.PasswordSignInAsync("u", "p", false, {|#0:plain|});
                }
            }
            """;

        var test = new Verify.Test { TestCode = source };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(
            projectId,
            ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithAllowUnsafe(true)));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("PasswordSignInAsync"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SubclassOfSignInManager_AndItsOverride_AreFlagged()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;
            using Microsoft.Extensions.Options;

            public class AppSignInManager : SignInManager<IdentityUser>
            {
                public AppSignInManager(UserManager<IdentityUser> userManager, IHttpContextAccessor contextAccessor,
                    IUserClaimsPrincipalFactory<IdentityUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor,
                    ILogger<SignInManager<IdentityUser>> logger, IAuthenticationSchemeProvider schemes,
                    IUserConfirmation<IdentityUser> confirmation)
                    : base(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
                {
                }

                public override Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure) =>
                    base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
            }

            public class Login
            {
                public Task<SignInResult> M(AppSignInManager s) => s.PasswordSignInAsync("u", "p", true, [|false|]);
                public Task<SignInResult> N(AppSignInManager s, IdentityUser u) => s.CheckPasswordSignInAsync(u, "p", [|false|]);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LookAlikeMethodsOnOtherTypes_AreNotFlagged()
    {
        var source = Usings + """
            public class LegacySignIn
            {
                public Task<bool> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure) => Task.FromResult(false);
            }

            public class C
            {
                public Task<bool> M(LegacySignIn s) => s.PasswordSignInAsync("u", "p", false, false);
                public Task<SignInResult> N(SignInManager<IdentityUser> s, IdentityUser user) => s.TwoFactorSignInAsync("provider", "code", false, false);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LambdaAndLocalFunction_AreAnalyzed()
    {
        var source = Usings + """
            using System;

            public class C
            {
                public void M(SignInManager<IdentityUser> s)
                {
                    var lockout = false;
                    Func<Task<SignInResult>> login = () => s.PasswordSignInAsync("u", "p", false, [|lockout|]);
                    Task<SignInResult> Local() => s.PasswordSignInAsync("u", "p", false, [|false|]);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FixAll_FixesEveryCallInTheDocument()
    {
        var source = Usings + """
            public class C
            {
                public async Task M(SignInManager<IdentityUser> s, IdentityUser u)
                {
                    await s.PasswordSignInAsync("u", "p", false, [|false|]);
                    await s.PasswordSignInAsync(u, "p", isPersistent: true, [|lockoutOnFailure: false|]);
                    await s.CheckPasswordSignInAsync(u, "p", /* no lockout */ [|false|]);
                }
            }
            """;
        var fixedSource = Usings + """
            public class C
            {
                public async Task M(SignInManager<IdentityUser> s, IdentityUser u)
                {
                    await s.PasswordSignInAsync("u", "p", false, true);
                    await s.PasswordSignInAsync(u, "p", isPersistent: true, lockoutOnFailure: true);
                    await s.CheckPasswordSignInAsync(u, "p", /* no lockout */ true);
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task WithoutIdentityReferenced_NothingIsReported()
    {
        // A compilation without ASP.NET Core Identity: the analyzer bails out at compilation start.
        var test = new Verify.Test
        {
            TestCode = """
                public class SignInManager<T>
                {
                    public void PasswordSignInAsync(string u, string p, bool isPersistent, bool lockoutOnFailure) { }
                }

                public class C
                {
                    public void M(SignInManager<object> s) => s.PasswordSignInAsync("u", "p", false, false);
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.NetCoreOnly);

        await test.RunAsync();
    }
}
