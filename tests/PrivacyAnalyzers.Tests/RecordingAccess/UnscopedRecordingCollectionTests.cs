using System.Threading.Tasks;
using Xunit;
using Verify = PrivacyAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    PrivacyAnalyzers.RecordingAccess.UnscopedRecordingCollectionAnalyzer>;

namespace PrivacyAnalyzers.Tests.RecordingAccess;

/// <summary>PRIV003: endpoint exposes recordings not scoped to the caller.</summary>
public sealed class UnscopedRecordingCollectionTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.IO.Compression;
        using System.Linq;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        """;

    private const string Model = """

        public class Recording
        {
            public Guid Id { get; set; }
            public Guid CameraId { get; set; }
            public string OwnerId { get; set; } = "";
            public string FilePath { get; set; } = "";
        }

        public class Camera
        {
            public Guid Id { get; set; }
            public string OwnerId { get; set; } = "";
        }

        public class AppDb : DbContext
        {
            public DbSet<Recording> Recordings => Set<Recording>();
            public DbSet<Camera> Cameras => Set<Camera>();
        }

        public interface IRecordingRepository
        {
            Task<List<Recording>> GetAllAsync();
            Task<List<Recording>> GetForOwnerAsync(string ownerId);
        }
        """;

    [Fact]
    public async Task ExportAll_ListsZipsAndStreams_AreFlagged()
    {
        var source = Usings + """
            [Authorize(Roles = "Support")]
            public class ExportController : ControllerBase
            {
                private readonly AppDb db;
                private readonly IRecordingRepository repository;

                public ExportController(AppDb db, IRecordingRepository repository)
                {
                    this.db = db;
                    this.repository = repository;
                }

                public async Task<IActionResult> {|#0:All|}() => Ok(await db.Recordings.ToListAsync());

                public IQueryable<Recording> [|Query|]() => db.Recordings;

                public Task<List<Recording>> [|Repository|]() => repository.GetAllAsync();

                public async Task<IActionResult> [|ByCamera|](Guid cameraId)
                {
                    var clips = await db.Recordings.Where(r => r.CameraId == cameraId).OrderBy(r => r.Id).ToListAsync();
                    return Ok(clips);
                }

                public async Task<IActionResult> {|#1:Zip|}()
                {
                    var buffer = new MemoryStream();
                    using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
                    {
                        foreach (var recording in db.Recordings)
                        {
                            archive.CreateEntryFromFile(recording.FilePath, recording.Id + ".mp4");
                        }
                    }

                    buffer.Position = 0;
                    return File(buffer, "application/zip", "all.zip");
                }

                public async IAsyncEnumerable<Recording> [|Stream|]()
                {
                    await foreach (var recording in db.Recordings.AsAsyncEnumerable())
                    {
                        yield return recording;
                    }
                }
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("All", "returns", "recordings"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Zip", "archives", "recordings"));
    }

    [Fact]
    public async Task QueriesFilteredByTheCurrentUser_AndNonEndpoints_AreNotFlagged()
    {
        var source = Usings + """
            [Authorize]
            public class RecordingsController : ControllerBase
            {
                private readonly AppDb db;
                private readonly IRecordingRepository repository;
                private readonly UserManager<IdentityUser> users;

                public RecordingsController(AppDb db, IRecordingRepository repository, UserManager<IdentityUser> users)
                {
                    this.db = db;
                    this.repository = repository;
                    this.users = users;
                }

                public async Task<IActionResult> Mine()
                {
                    var userId = users.GetUserId(User);
                    return Ok(await db.Recordings.Where(r => r.OwnerId == userId).ToListAsync());
                }

                public Task<List<Recording>> MineFromRepository() => repository.GetForOwnerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

                public async Task<IActionResult> ForMyCamera(Guid cameraId)
                {
                    var camera = await db.Cameras.SingleAsync(c => c.Id == cameraId && c.OwnerId == User.Identity!.Name);
                    return Ok(await db.Recordings.Where(r => r.CameraId == camera.Id).ToListAsync());
                }

                public async Task<IActionResult> Count() => Ok(await db.Recordings.CountAsync());

                public async Task<IActionResult> Latest(Guid id) => Ok(await db.Recordings.FindAsync(id));

                public async Task<IActionResult> Titles() => Ok((await db.Recordings.Where(r => r.OwnerId == User.Identity!.Name).ToListAsync()).Select(r => r.Id));
            }

            public class MaintenanceJob
            {
                public Task<List<Recording>> Expired(AppDb db) => db.Recordings.ToListAsync();
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ProjectionToACollectionOfOtherValues_IsJudgedAsAWhole_AndNotFlagged()
    {
        // A collection made from recordings whose elements are not recordings (a type that implements IEnumerable<Guid>)
        // is judged as a whole: the search stops there instead of reaching the unscoped DbSet below it.
        var source = Usings + """
            [Authorize(Roles = "Support")]
            public class StatsController(AppDb db) : ControllerBase
            {
                public IActionResult Cameras() => Ok(new CameraIds(db.Recordings.Select(r => r.CameraId).ToList()));
            }

            public sealed class CameraIds(List<Guid> ids) : IEnumerable<Guid>
            {
                public IEnumerator<Guid> GetEnumerator() => ids.GetEnumerator();

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => this.GetEnumerator();
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UnscopedProjections_AreFlagged_AndTheMessageSaysWhatTheyHold()
    {
        // A projection still hands out every customer's data (ids to enumerate, titles, times); the message says it is
        // values of recordings, not the recordings themselves.
        var source = Usings + """
            [Authorize(Roles = "Support")]
            public class ExportController(AppDb db) : ControllerBase
            {
                public async Task<IActionResult> {|#0:Ids|}() => Ok(await db.Recordings.Select(r => r.Id).ToListAsync());

                public async Task<IActionResult> {|#1:Summaries|}() => Ok(await db.Recordings.Select(r => new { r.Id, r.CameraId }).ToListAsync());

                public async Task<IActionResult> {|#2:Owners|}() => Ok(await db.Recordings.Select(r => r.OwnerId).ToArrayAsync());

                public async Task<IActionResult> {|#3:Recent|}() => Ok(await db.Recordings.OrderBy(r => r.Id).Take(10).ToListAsync());
            }
            """ + Model;

        // Whole messages, not arguments: arguments beyond the message format's placeholders would be ignored.
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithMessage("'Ids' returns 'Guid' values of recordings from a query that is not filtered by the current user"),
            Verify.Diagnostic().WithLocation(1).WithMessage("'Summaries' returns values of recordings from a query that is not filtered by the current user"),
            Verify.Diagnostic().WithLocation(2).WithMessage("'Owners' returns 'string' values of recordings from a query that is not filtered by the current user"),
            Verify.Diagnostic().WithLocation(3).WithMessage("'Recent' returns recordings from a query that is not filtered by the current user"));
    }

    [Fact]
    public async Task MinimalApiExportAll_IsFlagged()
    {
        var source = Usings + """
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.[|MapGet("/export", async (AppDb db) => Results.Ok(await db.Recordings.ToListAsync()))|].RequireAuthorization("Admin");
                    app.MapGet("/mine", async (AppDb db, ClaimsPrincipal user) =>
                        Results.Ok(await db.Recordings.Where(r => r.OwnerId == user.FindFirstValue(ClaimTypes.NameIdentifier)).ToListAsync()));
                }
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CurrentUserMembersOption_ScopesQueries()
    {
        var source = Usings + """
            public interface ICurrentUser { string Id { get; } }

            public class RecordingsController : ControllerBase
            {
                public async Task<IActionResult> {|#0:Mine|}([FromServices] AppDb db, [FromServices] ICurrentUser me) =>
                    Ok(await db.Recordings.Where(r => r.OwnerId == me.Id).ToListAsync());
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Mine", "returns", "recordings"));
        await Verify.VerifyAnalyzerAsync(source.Replace("{|#0:Mine|}", "Mine"), "dotnet_code_quality.PRIV003.current_user_members = P:ICurrentUser.Id");
    }
}
