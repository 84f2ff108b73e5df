using System.Threading.Tasks;
using Xunit;
using Verify = PrivacyAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    PrivacyAnalyzers.AccountTakeover.WeakIdentityOptionsAnalyzer,
    PrivacyAnalyzers.CodeFixes.AccountTakeover.WeakIdentityOptionsFixer>;

namespace PrivacyAnalyzers.Tests.AccountTakeover;

/// <summary>PRIV041: Identity options weaken account protection.</summary>
public sealed class WeakIdentityOptionsTests
{
    private const string Usings = """
        using System;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public async Task AddIdentityLambda_EveryWeakValue_IsFlaggedAndFixed()
    {
        var source = Usings + """
            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddIdentity<IdentityUser, IdentityRole>(options =>
                    {
                        {|#0:options.Lockout.AllowedForNewUsers = false|};
                        {|#1:options.Lockout.MaxFailedAccessAttempts = 100|};
                        {|#2:options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromSeconds(30)|};
                        {|#3:options.Password.RequiredLength = 6|};
                        options.Password.RequireNonAlphanumeric = false;
                    });
                }
            }
            """;
        var fixedSource = Usings + """
            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddIdentity<IdentityUser, IdentityRole>(options =>
                    {
                        options.Lockout.AllowedForNewUsers = true;
                        options.Lockout.MaxFailedAccessAttempts = 5;
                        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                        options.Password.RequiredLength = 8;
                        options.Password.RequireNonAlphanumeric = false;
                    });
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(
            source,
            fixedSource,
            editorConfig: null,
            Verify.Diagnostic().WithLocation(0).WithArguments("Lockout.AllowedForNewUsers", "false", "new accounts are never locked out after failed sign-ins"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Lockout.MaxFailedAccessAttempts", "100", "more than 10 failed sign-in attempts are allowed before lockout"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Lockout.DefaultLockoutTimeSpan", "00:00:30", "a lockout shorter than 1 minute(s) barely slows an attacker down"),
            Verify.Diagnostic().WithLocation(3).WithArguments("Password.RequiredLength", "6", "passwords shorter than 8 characters are easy to guess (NIST SP 800-63B)"));
    }

    [Fact]
    public async Task ConfigureIdentityOptions_IsFlagged()
    {
        var source = Usings + """
            public static class Startup
            {
                private const int Attempts = 50;

                public static void Configure(IServiceCollection services)
                {
                    services.Configure<IdentityOptions>(o =>
                    {
                        [|o.Lockout.MaxFailedAccessAttempts = Attempts|];
                        [|o.Lockout.DefaultLockoutTimeSpan = TimeSpan.Zero|];
                        [|o.Lockout.DefaultLockoutTimeSpan = new TimeSpan(0, 0, 45)|];
                    });
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AddDefaultIdentityAndAddIdentityCore_AreFlagged()
    {
        var source = Usings + """
            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddDefaultIdentity<IdentityUser>(o => [|o.Password.RequiredLength = 4|]);
                    services.AddIdentityCore<IdentityUser>(o => { [|o.Lockout.AllowedForNewUsers = false|]; });
                }
            }

            namespace Microsoft.Extensions.DependencyInjection
            {
                // The signature of Microsoft.AspNetCore.Identity.UI's extension (that package is not in the shared framework).
                public static class IdentityServiceCollectionUIExtensions
                {
                    public static IdentityBuilder AddDefaultIdentity<TUser>(this IServiceCollection services, Action<IdentityOptions> configureOptions)
                        where TUser : class => services.AddIdentityCore<TUser>(configureOptions);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ObjectInitializerOfOptionsTypes_IsFlaggedAndFixed()
    {
        var source = Usings + """
            public static class Options
            {
                public static IdentityOptions Create() => new IdentityOptions
                {
                    Lockout = new LockoutOptions { [|MaxFailedAccessAttempts = 1000|], DefaultLockoutTimeSpan = TimeSpan.FromHours(1) },
                    Password = new PasswordOptions { [|RequiredLength = 1|] },
                };
            }
            """;
        var fixedSource = Usings + """
            public static class Options
            {
                public static IdentityOptions Create() => new IdentityOptions
                {
                    Lockout = new LockoutOptions { MaxFailedAccessAttempts = 5, DefaultLockoutTimeSpan = TimeSpan.FromHours(1) },
                    Password = new PasswordOptions { RequiredLength = 8 },
                };
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task StrongOrUnknownValues_AreNotFlagged()
    {
        var source = Usings + """
            public static class Startup
            {
                public static void Configure(IServiceCollection services, int attemptsFromConfig, TimeSpan lockoutFromConfig)
                {
                    services.AddIdentity<IdentityUser, IdentityRole>(options =>
                    {
                        options.Lockout.AllowedForNewUsers = true;
                        options.Lockout.MaxFailedAccessAttempts = 10;
                        options.Lockout.MaxFailedAccessAttempts = 3;
                        options.Lockout.MaxFailedAccessAttempts = attemptsFromConfig;
                        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(1);
                        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                        options.Lockout.DefaultLockoutTimeSpan = lockoutFromConfig;
                        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromSeconds(attemptsFromConfig);
                        options.Password.RequiredLength = 12;
                        options.Password.RequiredUniqueChars = 1;
                        options.SignIn.RequireConfirmedAccount = false;
                    });
                }
            }

            // Same member names on unrelated types are not Identity options.
            public class LockoutSettings
            {
                public int MaxFailedAccessAttempts { get; set; }
                public bool AllowedForNewUsers { get; set; }
                public int RequiredLength { get; set; }
            }

            public static class Other
            {
                public static LockoutSettings Create() => new LockoutSettings { MaxFailedAccessAttempts = 1000, AllowedForNewUsers = false, RequiredLength = 1 };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CustomThresholds_FromEditorConfig_AreHonoured()
    {
        var source = Usings + """
            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddIdentity<IdentityUser, IdentityRole>(options =>
                    {
                        [|options.Lockout.MaxFailedAccessAttempts = 5|];
                        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                        [|options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10)|];
                        [|options.Password.RequiredLength = 12|];
                        options.Password.RequiredLength = 15;
                    });
                }
            }
            """;
        var fixedSource = Usings + """
            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddIdentity<IdentityUser, IdentityRole>(options =>
                    {
                        options.Lockout.MaxFailedAccessAttempts = 3;
                        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                        options.Password.RequiredLength = 15;
                        options.Password.RequiredLength = 15;
                    });
                }
            }
            """;

        // The rule key wins over the category-wide key; an invalid value falls back to the next key.
        var editorConfig = """
            dotnet_code_quality.PRIV041.max_failed_access_attempts = 3
            dotnet_code_quality.Privacy.max_failed_access_attempts = 20
            dotnet_code_quality.Privacy.min_lockout_minutes = 15
            dotnet_code_quality.PRIV041.min_password_length = fifteen
            dotnet_code_quality.Privacy.min_password_length = 15
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, editorConfig);
    }

    [Fact]
    public async Task RecommendedTimeSpan_IsQualifiedWhenSystemIsNotImported()
    {
        var source = """
            using Microsoft.AspNetCore.Identity;

            public static class Options
            {
                public static void Set(IdentityOptions o) => [|o.Lockout.DefaultLockoutTimeSpan = System.TimeSpan.FromSeconds(5)|];
            }
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Identity;

            public static class Options
            {
                public static void Set(IdentityOptions o) => o.Lockout.DefaultLockoutTimeSpan = System.TimeSpan.FromMinutes(5);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
