using System.Threading.Tasks;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.Meta;

/// <summary>
/// Every analyzer on the IDE's normal input: nothing, half-typed code, code whose types do not resolve.
/// An exception here would be an AD0001 warning in a user's build.
/// </summary>
public sealed class AnalyzerRobustnessTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "empty", string.Empty },
        { "only trivia", "// nothing here\n#if DEBUG\n#endif\n" },
        { "half-typed sign-in", """
            using Microsoft.AspNetCore.Identity;
            class C
            {
                async void M(SignInManager<IdentityUser> s)
                {
                    await s.PasswordSignInAsync("u", "p", false,
                    await s.PasswordSignInAsync(lockoutOnFailure: , "p");
                    await s.CheckPasswordSignInAsync(
            """ },
        { "half-typed options", """
            using Microsoft.AspNetCore.Identity;
            class C
            {
                void M(IdentityOptions o)
                {
                    o.Lockout.MaxFailedAccessAttempts = ;
                    o.Lockout.DefaultLockoutTimeSpan = System.TimeSpan.FromMinutes(;
                    o.Password.RequiredLength = "eight";
                    o.Lockout.DefaultLockoutTimeSpan = new System.TimeSpan(1, 2);
                    o.Lockout.DefaultLockoutTimeSpan = System.TimeSpan.FromDays(double.MaxValue);
                    new LockoutOptions { MaxFailedAccessAttempts = 1e300 };
            """ },
        { "unresolved types", """
            using Microsoft.AspNetCore.Identity;
            class C : MissingBase
            {
                UnknownManager<Unknown> m;
                void M(Unknown u)
                {
                    var flag = u.Flag;
                    m.PasswordSignInAsync(u, "p", flag, flag);
                    u.Lockout.MaxFailedAccessAttempts = 100;
                    Missing.Call(lockoutOnFailure: false);
                }
            }
            """ },
        { "half-typed recording endpoints", """
            using System;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public class Recording { public string FilePath { get; set; } }
            [Authorize(Roles = )]
            public class RecordingsController : ControllerBase
            {
                [AllowAnonymous
                public IActionResult Download(Guid id) => PhysicalFile(, "video/mp4");
                public async System.Threading.Tasks.Task<IActionResult> Get(Guid id, [FromServices] Missing db)
                {
                    var recording = await db.Recordings.FindAsync(id;
                    if (recording.OwnerId != User.) return Forbid();
                    return Ok(recording
                }
                public IActionResult Export() => Ok(db.Recordings.ToList());
            }
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/r/{id}", (Guid id) => Results.File(, "video/mp4")).RequireAuthorization(;
                    app.MapGroup().MapGet("/x", Missing.Handler);
                    app.MapGet("/y", (Guid id, IAuthorizationService auth) => { var r = Find(id); auth.AuthorizeAsync(null, r, ); return Results.Ok(r) });
                    var group = app.MapGroup("/g"); group = group; group.MapGet("/z", () => Results.Stream(null!, "audio/wav"));
                }
            }
            """ },
        { "recording code with unresolved types", """
            public class RecordingsController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public Microsoft.AspNetCore.Mvc.IActionResult Download(Unknown id)
                {
                    var recording = Store.Find(id);
                    foreach (var clip in Store.Recordings) { yield return clip; }
                    goto done;
                    done:
                    return File(recording.Data, recording.Type);
                }
            }
            """ },
        { "misplaced members", """
            lockoutOnFailure: false;
            namespace N { o.Lockout.AllowedForNewUsers = false; }
            public class { }
            }}}}
            """ },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task EveryAnalyzer_OnIncompleteInput_NeverThrows(string name, string source)
    {
        var result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(source), ProductCatalog.Analyzers);

        Assert.True(result.Exceptions.IsEmpty, $"{name}: " + string.Join("\n", result.Exceptions));
    }
}
