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
        { "half-typed deletions", """
            using System;
            using System.Linq;
            using Microsoft.EntityFrameworkCore;
            public class Recording { public Guid Id { get; set; } public string BlobName { get; set; } public bool IsDeleted { get; set; } }
            public class Db : DbContext
            {
                public DbSet<Recording> Recordings => Set<
                public DbSet<> Clips { get; set; }
                public DbSet<Recording, int> Others { get; }
                protected override void OnModelCreating(ModelBuilder b) => b.Entity<Recording>().HasOne().WithMany().OnDelete(;
            }
            class C
            {
                void M(Db db, Recording r)
                {
                    db.Recordings.Remove(
                    db.Remove();
                    db.RemoveRange(null, r, 3);
                    db.Recordings.Where(x => x.).ExecuteDeleteAsync(
                    db.Recordings.ExecuteUpdateAsync(s => s.SetProperty(x => , true));
                    db.Database.ExecuteSqlRaw("DELETE FROM " + );
                    db.Database.ExecuteSqlInterpolated($"DELETE FROM {r.
                    r.IsDeleted = ;
                    r. = null;
                    System.IO.File.Delete(
            """ },
        { "deletions with unresolved types", """
            using Microsoft.EntityFrameworkCore;
            public class Db : DbContext
            {
                public DbSet<MissingEntity> Missing => Set<MissingEntity>();
                public DbSet<Recording<Unknown>> Generic { get; set; }
            }
            public class Recording<T> { public T Id { get; set; } public Unknown Parent { get; set; } public int? UnknownId { get; set; } }
            class DeleteHandler
            {
                void DeleteIt(Db db, Unknown u, MissingEntity m)
                {
                    db.Remove(u);
                    db.Missing.Remove(m);
                    u.IsDeleted = true;
                    m.Status = Status.Deleted;
                    m.DeletedAt = System.DateTime.UtcNow;
                    app.MapDelete("/x", (Db d) => { m.IsDeleted = true; });
                    new UnknownRepository().DeleteAsync(u.Id);
                    db.Database.ExecuteSqlRaw("DELETE FROM");
                    db.Database.ExecuteSqlRaw("DELETE FROM [Missing] WHERE IsDeleted = 1");
                }
            }
            """ },
        { "half-typed consent guard", """
            using NAudio.Wave;
            class C
            {
                async void M(IParentalConsents consents, WaveInEvent microphone)
                {
                    if (!await consents.HasConsentAsync(
                    var status = await Permissions.RequestAsync<Permissions.>();
                    if (status != PermissionStatus.) return
                    microphone.StartRecording(
                    System.Func<System.Threading.Tasks.Task> f = async () => { if (consents.HasConsent() microphone.StartRecording(); };
                    void Local() => microphone.StartRecording(
            """ },
        { "consent checks that do not bind", """
            using NAudio.Wave;
            class C
            {
                bool Helper() => Missing.HasConsent() && this.Unknown;
                bool Recursive() => Recursive() && HasConsent();
                bool HasConsent() => Recursive();
                void M(Unknown u, WaveInEvent microphone)
                {
                    switch (u.ConsentStatus) { case Unknown.Granted: microphone.StartRecording(); break; }
                    var ok = u.HasConsent() ? true : Missing();
                    ok = ref u.Flag;
                    if (ok is not { } && Helper()) microphone.StartRecording();
                    try { } catch when (HasConsent()) { microphone.StartRecording(); } finally { goto missing; }
                    while (!HasConsent()) microphone.StartRecording()
                }
            }
            """ },
        { "log sinks with broken arguments", """
            using Microsoft.Extensions.Logging;
            using MaxMind.GeoIP2;
            class C
            {
                void M(ILogger logger, DatabaseReader reader, Microsoft.AspNetCore.Http.HttpContext context)
                {
                    logger.LogInformation($"at {reader.City(context.Connection.RemoteIpAddress).Location.Latitude", );
                    logger.LogInformation("{A}", reader.City(context.Request.Headers[]).Location);
                    System.Console.WriteLine(reader.City().Location.);
                    var l = l.Location;
                    logger.LogInformation("{L}", l);
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
