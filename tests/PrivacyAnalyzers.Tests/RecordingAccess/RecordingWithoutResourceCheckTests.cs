using System.Threading.Tasks;
using Xunit;
using Verify = PrivacyAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    PrivacyAnalyzers.RecordingAccess.RecordingWithoutResourceCheckAnalyzer,
    PrivacyAnalyzers.CodeFixes.RecordingAccess.RecordingWithoutResourceCheckFixer>;

namespace PrivacyAnalyzers.Tests.RecordingAccess;

/// <summary>PRIV002: recording returned by id without a per-resource check.</summary>
public sealed class RecordingWithoutResourceCheckTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        """;

    private const string Model = """

        public class Recording
        {
            public Guid Id { get; set; }
            public string OwnerId { get; set; } = "";
            public Guid HouseholdId { get; set; }
            public string FilePath { get; set; } = "";

            public bool IsOwnedBy(string userId) => OwnerId == userId;
        }

        public class AppDb : DbContext
        {
            public DbSet<Recording> Recordings => Set<Recording>();
        }
        """;

    [Fact]
    public async Task RoleOnlyAction_LoadingByRouteId_IsFlaggedAndFixedWithAFromServicesParameter()
    {
        var source = Usings + """
            [Authorize(Roles = "Support")]
            public class SupportController : ControllerBase
            {
                private readonly AppDb db;
                public SupportController(AppDb db) => this.db = db;

                [HttpGet("support/recordings/{id}")]
                public async Task<IActionResult> {|#0:Download|}(Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    if (recording is null)
                    {
                        return NotFound();
                    }

                    return PhysicalFile(recording.FilePath, "video/mp4");
                }
            }
            """ + Model;
        var fixedSource = Usings + """
            [Authorize(Roles = "Support")]
            public class SupportController : ControllerBase
            {
                private readonly AppDb db;
                public SupportController(AppDb db) => this.db = db;

                [HttpGet("support/recordings/{id}")]
                public async Task<IActionResult> Download(Guid id, [FromServices] IAuthorizationService authorizationService)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    if (recording is null)
                    {
                        return NotFound();
                    }

                    var authorization = await authorizationService.AuthorizeAsync(User, recording, "RecordingOwner");
                    if (!authorization.Succeeded)
                    {
                        return Forbid();
                    }

                    return PhysicalFile(recording.FilePath, "video/mp4");
                }
            }
            """ + Model;

        await Verify.VerifyCodeFixAsync(
            source,
            fixedSource,
            editorConfig: null,
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "Download",
                "id",
                "[Authorize] on SupportController restricts who may call it, not whose recordings they get"));
    }

    [Fact]
    public async Task CheckedAuthorizeAsync_OwnerComparison_HelperMethods_AndScopedQueries_AreNotFlagged()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Identity;

            [Authorize]
            public class RecordingsController : ControllerBase
            {
                private readonly AppDb db;
                private readonly IAuthorizationService authorization;
                private readonly UserManager<IdentityUser> users;

                public RecordingsController(AppDb db, IAuthorizationService authorization, UserManager<IdentityUser> users)
                {
                    this.db = db;
                    this.authorization = authorization;
                    this.users = users;
                }

                public async Task<IActionResult> ByPolicy(Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    var result = await authorization.AuthorizeAsync(User, recording, "RecordingOwner");
                    if (!result.Succeeded)
                    {
                        return Forbid();
                    }

                    return PhysicalFile(recording!.FilePath, "video/mp4");
                }

                public async Task<IActionResult> ByInlinePolicy(Guid id)
                {
                    var recording = await db.Recordings.SingleAsync(r => r.Id == id);
                    return (await authorization.AuthorizeAsync(User, recording, "RecordingOwner")).Succeeded
                        ? PhysicalFile(recording.FilePath, "video/mp4")
                        : Forbid();
                }

                public async Task<IActionResult> ByOwner(Guid id)
                {
                    var recording = await db.Recordings.FirstOrDefaultAsync(r => r.Id == id);
                    if (recording == null || recording.OwnerId != User.FindFirstValue(ClaimTypes.NameIdentifier))
                    {
                        return NotFound();
                    }

                    return Ok(recording);
                }

                public async Task<IActionResult> ByHelper(Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    if (recording is null || !IsOwner(recording))
                    {
                        return NotFound();
                    }

                    return PhysicalFile(recording.FilePath, "video/mp4");
                }

                public async Task<IActionResult> ByEntityHelper(Guid id)
                {
                    var userId = users.GetUserId(User)!;
                    var recording = await db.Recordings.FindAsync(id);
                    if (recording is null || !recording.IsOwnedBy(userId))
                    {
                        throw new UnauthorizedAccessException();
                    }

                    return Ok(recording);
                }

                public async Task<IActionResult> ByScopedQuery(Guid id)
                {
                    var userId = User.FindFirst("sub")!.Value;
                    var recording = await db.Recordings.Where(r => r.OwnerId == userId).FirstOrDefaultAsync(r => r.Id == id);
                    return recording is null ? NotFound() : PhysicalFile(recording.FilePath, "video/mp4");
                }

                public async Task<IActionResult> Rename(Guid id, string title)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    await db.SaveChangesAsync();
                    return CreatedAtAction(nameof(ByOwner), new { id = recording!.Id }, null);
                }

                private bool IsOwner(Recording recording) => recording.OwnerId == users.GetUserId(User);
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task IgnoredAuthorizeAsync_AndACheckOnOnlySomePaths_AreFlagged()
    {
        var source = Usings + """
            [Authorize]
            public class RecordingsController : ControllerBase
            {
                private readonly AppDb db;
                private readonly IAuthorizationService authorization;

                public RecordingsController(AppDb db, IAuthorizationService authorization)
                {
                    this.db = db;
                    this.authorization = authorization;
                }

                public async Task<IActionResult> {|#0:Ignored|}(Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    await authorization.AuthorizeAsync(User, recording, "RecordingOwner");
                    return PhysicalFile(recording!.FilePath, "video/mp4");
                }

                public async Task<IActionResult> [|SomePaths|](Guid id, bool preview)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    if (preview && recording!.OwnerId != User.Identity!.Name)
                    {
                        return Forbid();
                    }

                    return Ok(recording);
                }

                public async Task<IActionResult> [|WrongRecording|](Guid id, Guid other)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    var mine = await db.Recordings.FirstAsync(r => r.OwnerId == User.Identity!.Name);
                    if (mine.OwnerId != User.Identity!.Name)
                    {
                        return Forbid();
                    }

                    return Ok(recording);
                }
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Ignored", "id", "[Authorize] on RecordingsController only requires a signed-in caller, who then gets any customer's recording"));
    }

    [Fact]
    public async Task EveryShapeOfExposure_IsFlagged_AndLoadsThatAreNeverReturnedOrSent_AreNot()
    {
        // The rule builds a control-flow graph only when the operation tree has a return or a content sink that
        // mentions a load; each exposure below reaches the response a different way, and must still be found.
        var source = Usings + """
            [Authorize]
            public class ExposureController : ControllerBase
            {
                private readonly AppDb db;

                public ExposureController(AppDb db) => this.db = db;

                public async Task<IActionResult> [|Ternary|](Guid id, bool inline)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    return inline ? Ok(recording) : PhysicalFile(recording!.FilePath, "video/mp4");
                }

                public async Task<IActionResult> [|Coalesced|](Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    return Ok(recording ?? new Recording());
                }

                public async Task [|StreamedToTheBody|](Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    var path = recording!.FilePath;
                    await Response.SendFileAsync(path);
                }

                public async Task<Recording?> [|ReturnedThroughLocals|](Guid id)
                {
                    var found = await db.Recordings.FindAsync(id);
                    var copy = found;
                    return copy;
                }

                public async Task<IActionResult> OnlyItsKeyReturned(Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    return CreatedAtAction(nameof(Ternary), new { id = recording!.Id }, null);
                }

                public async Task<IActionResult> LoadedButNeverSent(Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    var exists = recording is not null;
                    return exists ? NoContent() : NotFound();
                }
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FallbackPolicyOnly_AndMinimalApiGroups_AreAuthenticated_AndFlagged()
    {
        var source = Usings + """
            using Microsoft.Extensions.DependencyInjection;

            public class ClipsController : ControllerBase
            {
                public IActionResult [|Clip|](Guid id, [FromServices] AppDb db) => Ok(db.Recordings.Find(id));
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app, IServiceCollection services)
                {
                    services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
                    var support = app.MapGroup("/support").RequireAuthorization("Support");
                    support.[|MapGet("/recordings/{id}", async (Guid id, AppDb db) =>
                    {
                        var recording = await db.Recordings.FindAsync(id);
                        return recording is null ? Results.NotFound() : Results.File(recording.FilePath, "video/mp4");
                    })|];
                    support.[|MapGet("/by-key", Download)|];
                    support.MapGet("/mine/{id}", async (Guid id, AppDb db, ClaimsPrincipal user) =>
                    {
                        var recording = await db.Recordings.FindAsync(id);
                        return recording is null || recording.OwnerId != user.FindFirstValue(ClaimTypes.NameIdentifier)
                            ? Results.NotFound()
                            : Results.File(recording.FilePath, "video/mp4");
                    });
                }

                private static async Task<IResult> Download(string key, AppDb db) =>
                    Results.Ok(await db.Recordings.FirstOrDefaultAsync(r => r.FilePath == key));
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MinimalApi_OnAGroupFromElsewhere_IsFlagged_AsOpenToWhoeverCanCallIt()
    {
        // The group comes from the caller: whether it requires authorization is unknown here, which is neither anonymous
        // (PRIV001's case) nor protected, so the missing per-resource check is reported.
        var source = Usings + """
            public static class Endpoints
            {
                public static void MapRecordings(Microsoft.AspNetCore.Routing.RouteGroupBuilder group)
                {
                    group.{|#0:MapGet("/recordings/{id}", async (Guid id, AppDb db) =>
                    {
                        var recording = await db.Recordings.FindAsync(id);
                        return recording is null ? Results.NotFound() : Results.File(recording.FilePath, "video/mp4");
                    })|};
                }
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("MapGet(\"/recordings/{id}\")", "id", "whoever can call it gets any customer's recording"));
    }

    [Fact]
    public async Task MinimalApi_MappedInAnExpressionBodiedMethod_IsFlagged()
    {
        // The handler is in the value the method returns: in the control-flow graph it sits in a branch value, not
        // among the block's operations.
        var source = Usings + """
            public static class Endpoints
            {
                public static RouteHandlerBuilder MapRecording(WebApplication app) =>
                    app.[|MapGet("/recordings/{id}", async (Guid id, AppDb db) =>
                    {
                        var recording = await db.Recordings.FindAsync(id);
                        return recording is null ? Results.NotFound() : Results.File(recording.FilePath, "video/mp4");
                    })|].RequireAuthorization();
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AnonymousEndpoints_AndCustomAuthorizationFilters_AreNotFlagged()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class RecordingOwnerFilterAttribute : Attribute, IAsyncAuthorizationFilter
            {
                public Task OnAuthorizationAsync(AuthorizationFilterContext context) => Task.CompletedTask;
            }

            public class OpenController : ControllerBase
            {
                public IActionResult Download(Guid id, [FromServices] AppDb db) => Ok(db.Recordings.Find(id));
            }

            [RecordingOwnerFilter]
            public class FilteredController : ControllerBase
            {
                public IActionResult Download(Guid id, [FromServices] AppDb db) => Ok(db.Recordings.Find(id));
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RazorPageBoundProperty_IsACallerSuppliedKey()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Mvc.RazorPages;

            [Authorize]
            public class WatchModel : PageModel
            {
                private readonly AppDb db;
                public WatchModel(AppDb db) => this.db = db;

                [BindProperty(SupportsGet = true)]
                public Guid RecordingId { get; set; }

                public Recording? Recording { get; private set; }

                public async Task<IActionResult> {|#0:OnGetAsync|}()
                {
                    Recording = await db.Recordings.FindAsync(RecordingId);
                    return Recording is null ? NotFound() : PhysicalFile(Recording.FilePath, "video/mp4");
                }
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("OnGetAsync", "RecordingId", "[Authorize] on WatchModel only requires a signed-in caller, who then gets any customer's recording"));
    }

    [Fact]
    public async Task Options_AccessCheckMethods_AndCurrentUserMembers()
    {
        var source = Usings + """
            public interface ICurrentUser { Guid HouseholdId { get; } }

            public class Access
            {
                public void EnsureCanView(Recording recording) { }
            }

            [Authorize]
            public class RecordingsController : ControllerBase
            {
                private readonly AppDb db;
                private readonly Access access;
                private readonly ICurrentUser me;

                public RecordingsController(AppDb db, Access access, ICurrentUser me)
                {
                    this.db = db;
                    this.access = access;
                    this.me = me;
                }

                public async Task<IActionResult> {|#0:Checked|}(Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    access.EnsureCanView(recording!);
                    return Ok(recording);
                }

                public async Task<IActionResult> {|#1:Household|}(Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    if (recording!.HouseholdId != me.HouseholdId)
                    {
                        return Forbid();
                    }

                    return Ok(recording);
                }
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Checked", "id", "[Authorize] on RecordingsController only requires a signed-in caller, who then gets any customer's recording"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Household", "id", "[Authorize] on RecordingsController only requires a signed-in caller, who then gets any customer's recording"));
        await Verify.VerifyAnalyzerAsync(
            source.Replace("{|#0:Checked|}", "Checked").Replace("{|#1:Household|}", "Household"),
            "dotnet_code_quality.PRIV002.access_check_methods = M:Access.EnsureCanView\ndotnet_code_quality.Privacy.current_user_members = T:ICurrentUser");
    }

    [Fact]
    public async Task FixAll_UsesTheInjectedService_AndTheConfiguredPolicy()
    {
        var source = Usings + """
            [Authorize(Policy = "Staff")]
            public class RecordingsController : ControllerBase
            {
                private readonly AppDb db;
                private readonly IAuthorizationService authorizer;

                public RecordingsController(AppDb db, IAuthorizationService authorizer)
                {
                    this.db = db;
                    this.authorizer = authorizer;
                }

                public async Task<IActionResult> [|Watch|](Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    return Ok(recording);
                }

                public async Task<ActionResult<Recording>> [|Get|](Guid id, System.Threading.CancellationToken cancellationToken = default)
                {
                    var recording = await db.Recordings.SingleAsync(r => r.Id == id, cancellationToken);
                    return recording;
                }
            }
            """ + Model;
        var fixedSource = Usings + """
            [Authorize(Policy = "Staff")]
            public class RecordingsController : ControllerBase
            {
                private readonly AppDb db;
                private readonly IAuthorizationService authorizer;

                public RecordingsController(AppDb db, IAuthorizationService authorizer)
                {
                    this.db = db;
                    this.authorizer = authorizer;
                }

                public async Task<IActionResult> Watch(Guid id)
                {
                    var recording = await db.Recordings.FindAsync(id);
                    var authorization = await authorizer.AuthorizeAsync(User, recording, "HouseholdMember");
                    if (!authorization.Succeeded)
                    {
                        return Forbid();
                    }

                    return Ok(recording);
                }

                public async Task<ActionResult<Recording>> Get(Guid id, System.Threading.CancellationToken cancellationToken = default)
                {
                    var recording = await db.Recordings.SingleAsync(r => r.Id == id, cancellationToken);
                    var authorization = await authorizer.AuthorizeAsync(User, recording, "HouseholdMember");
                    if (!authorization.Succeeded)
                    {
                        return Forbid();
                    }

                    return recording;
                }
            }
            """ + Model;

        await Verify.VerifyCodeFixAsync(source, fixedSource, "dotnet_code_quality.PRIV002.resource_policy_name = HouseholdMember");
    }

    [Fact]
    public async Task CustomAuthorizeSubclass_IsRoleOrPolicyOnly_AndFlagged()
    {
        var source = Usings + """
            public sealed class RequirePermissionAttribute : AuthorizeAttribute
            {
                public RequirePermissionAttribute(string permission) => Policy = "Permission:" + permission;
            }

            [RequirePermission("recordings.read")]
            public class ReviewController : ControllerBase
            {
                public async Task<IActionResult> {|#0:Review|}(Guid id, [FromServices] AppDb db) => Ok(await db.Recordings.FindAsync(id));
            }
            """ + Model;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Review", "id", "[RequirePermission] on ReviewController restricts who may call it, not whose recordings they get"));
    }

    [Fact]
    public async Task SynchronousActions_AreFlaggedWithoutAFix()
    {
        var source = Usings + """
            [Authorize]
            public class RecordingsController : ControllerBase
            {
                public IActionResult [|Watch|](Guid id, [FromServices] AppDb db)
                {
                    var recording = db.Recordings.Find(id);
                    return Ok(recording);
                }
            }
            """ + Model;

        await Verify.VerifyCodeFixAsync(source, source);
    }
}
