using System.Threading.Tasks;
using PrivacyAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = PrivacyAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    PrivacyAnalyzers.RecordingAccess.AnonymousRecordingDownloadAnalyzer,
    PrivacyAnalyzers.CodeFixes.RecordingAccess.AnonymousRecordingDownloadFixer>;

namespace PrivacyAnalyzers.Tests.RecordingAccess;

/// <summary>PRIV001: recording download endpoint allows anonymous access.</summary>
public sealed class AnonymousRecordingDownloadTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private const string Entities = """

        public class Recording
        {
            public Guid Id { get; set; }
            public string OwnerId { get; set; } = "";
            public string FilePath { get; set; } = "";
            public string BlobUrl { get; set; } = "";
        }

        public class Invoice
        {
            public Guid Id { get; set; }
            public byte[] Pdf { get; set; } = Array.Empty<byte>();
        }

        public interface IRecordingStore
        {
            Recording Get(Guid id);
            Invoice GetInvoice(Guid id);
        }
        """;

    private const string DownloadController = """
        [ApiController]
        [Route("api/recordings")]
        public class RecordingsController : ControllerBase
        {
            private readonly IRecordingStore store;
            public RecordingsController(IRecordingStore store) => this.store = store;

            [HttpGet("{id}/download")]
            public IActionResult {|#0:Download|}(Guid id)
            {
                var recording = store.Get(id);
                return PhysicalFile(recording.FilePath, "video/mp4");
            }
        }
        """;

    [Fact]
    public async Task AnonymousAction_ServingVideo_IsFlaggedAndGetsAuthorize()
    {
        var source = Usings + DownloadController + Entities;
        var fixedSource = Usings.Replace("using Microsoft.AspNetCore.Builder;\n", "using Microsoft.AspNetCore.Authorization;\nusing Microsoft.AspNetCore.Builder;\n") + DownloadController.Replace(
            "    [HttpGet(\"{id}/download\")]\n    public IActionResult {|#0:Download|}(Guid id)",
            "    [HttpGet(\"{id}/download\")]\n    [Authorize]\n    public IActionResult Download(Guid id)") + Entities;

        await Verify.VerifyCodeFixAsync(
            source,
            fixedSource,
            editorConfig: null,
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "Download",
                "PhysicalFile",
                "nothing requires authorization (no [Authorize], RequireAuthorization() or fallback policy applies)"));
    }

    [Fact]
    public async Task FallbackPolicy_InAnotherFile_ProtectsTheEndpoint()
    {
        var test = new Verify.Test { TestCode = Usings + DownloadController.Replace("{|#0:Download|}", "Download") + Entities };
        test.TestState.Sources.Add(("/Startup.cs", Usings + """
            using Microsoft.AspNetCore.Authorization;

            public static class Startup
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddAuthorization(options =>
                        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            }
            """));

        await test.RunAsync();
    }

    [Fact]
    public async Task SetFallbackPolicy_OnAuthorizationBuilder_ProtectsTheEndpoint()
    {
        var source = Usings + DownloadController.Replace("{|#0:Download|}", "Download") + Entities + """

            public static class Startup
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddAuthorizationBuilder().SetFallbackPolicy(
                        new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DefaultPolicyOnly_IsNotGlobalProtection_AndANullFallbackNeither()
    {
        var source = Usings + DownloadController.Replace("{|#0:Download|}", "[|Download|]") + Entities + """

            public static class Startup
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddAuthorization(options =>
                    {
                        options.DefaultPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
                        options.FallbackPolicy = null;
                    });
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("options.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter())")]
    [InlineData("options.Filters.Add<Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter>()")]
    [InlineData("options.Filters.Add(typeof(Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter))")]
    [InlineData("options.Filters.Insert(0, new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter())")]
    [InlineData("options.Filters.AddService<Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter>()")]
    public async Task GlobalAuthorizeFilter_AddedAnyWay_ProtectsControllers(string addition)
    {
        await Verify.VerifyAnalyzerAsync(DownloadControllerWithMvcOptions("Download", addition));
    }

    [Fact]
    public async Task GlobalFilterOtherThanAuthorize_DoesNotProtectControllers()
    {
        await Verify.VerifyAnalyzerAsync(DownloadControllerWithMvcOptions("[|Download|]", "options.Filters.Add(new Microsoft.AspNetCore.Mvc.ResponseCacheAttribute())"));
    }

    /// <summary>The download controller (its action written as <paramref name="action"/>) in an app whose MVC options run <paramref name="configure"/>.</summary>
    private static string DownloadControllerWithMvcOptions(string action, string configure) =>
        Usings + DownloadController.Replace("{|#0:Download|}", action) + Entities + $$"""

            public static class Startup
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddControllers(options => {{configure}});
            }
            """;

    [Fact]
    public async Task RequireAuthorizationOnMapControllers_ThroughALocal_ProtectsControllers()
    {
        var source = Usings + DownloadController.Replace("{|#0:Download|}", "Download") + Entities + """

            public static class Routes
            {
                public static void Map(WebApplication app)
                {
                    var controllers = app.MapControllers();
                    controllers.RequireAuthorization();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AuthorizeOnGenericBaseController_AndCustomAuthorizeSubclass_Protect()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Authorization;

            [Authorize]
            public abstract class SecureController<TEntity> : ControllerBase
            {
            }

            public class RecordingsController : SecureController<Recording>
            {
                private readonly IRecordingStore store;
                public RecordingsController(IRecordingStore store) => this.store = store;

                public IActionResult Download(Guid id) => PhysicalFile(store.Get(id).FilePath, "video/mp4");
            }

            public sealed class RequirePermissionAttribute : AuthorizeAttribute
            {
                public RequirePermissionAttribute(string permission) => Policy = "Permission:" + permission;
            }

            [RequirePermission("recordings.read")]
            public class ClipsController : ControllerBase
            {
                public IActionResult Clip(Recording recording) => PhysicalFile(recording.FilePath, "video/mp4");
            }
            """ + Entities;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AllowAnonymousOnActionInAuthorizeController_IsFlaggedAndRemoved()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Authorization;

            [Authorize]
            public class RecordingsController : ControllerBase
            {
                /// <summary>Shared links.</summary>
                [AllowAnonymous]
                [HttpGet("shared/{id}")]
                public IActionResult {|#0:Shared|}(Recording recording) => PhysicalFile(recording.FilePath, "video/mp4");

                [HttpGet("public/{id}"), AllowAnonymous]
                public IActionResult [|Public|](Recording recording) => File(System.IO.File.OpenRead(recording.FilePath), "application/octet-stream");
            }
            """ + Entities;
        var fixedSource = Usings + """
            using Microsoft.AspNetCore.Authorization;

            [Authorize]
            public class RecordingsController : ControllerBase
            {
                /// <summary>Shared links.</summary>
                [HttpGet("shared/{id}")]
                public IActionResult Shared(Recording recording) => PhysicalFile(recording.FilePath, "video/mp4");

                [HttpGet("public/{id}")]
                public IActionResult Public(Recording recording) => File(System.IO.File.OpenRead(recording.FilePath), "application/octet-stream");
            }
            """ + Entities;

        await Verify.VerifyCodeFixAsync(
            source,
            fixedSource,
            editorConfig: null,
            Verify.Diagnostic().WithLocation(0).WithArguments("Shared", "PhysicalFile", "[AllowAnonymous] on the action overrides [Authorize] on RecordingsController"));
    }

    [Fact]
    public async Task AllowAnonymousWithoutOtherProtection_IsReplacedWithAuthorize()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Authorization;

            public class RecordingsController : ControllerBase
            {
                [AllowAnonymous]
                public IActionResult [|Stream|](Recording recording) => PhysicalFile(recording.FilePath, "video/webm");
            }
            """ + Entities;
        var fixedSource = source.Replace("[AllowAnonymous]", "[Authorize]").Replace("[|Stream|]", "Stream");

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task AllowAnonymousOnTheController_WinsOverAuthorizeOnTheAction_WithoutAFix()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Authorization;

            [AllowAnonymous]
            public class RecordingsController : ControllerBase
            {
                [Authorize]
                public IActionResult [|Download|](Recording recording) => PhysicalFile(recording.FilePath, "video/mp4");
            }
            """ + Entities;

        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task NonRecordingFiles_ServedAnonymously_AreNotFlagged()
    {
        var source = Usings + """
            public class InvoicesController : ControllerBase
            {
                private readonly IRecordingStore store;
                public InvoicesController(IRecordingStore store) => this.store = store;

                public IActionResult Invoice(Guid id) => File(store.GetInvoice(id).Pdf, "application/pdf", "invoice.pdf");
                public IActionResult Logo() => PhysicalFile("/var/www/logo.png", "image/png");
                public IActionResult Terms() => Redirect("https://example.com/terms.html");
                public string Name(Recording recording) => recording.OwnerId;
            }
            """ + Entities;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EveryContentSink_ServingARecording_IsFlagged()
    {
        var source = Usings + """
            public class MediaController : ControllerBase
            {
                private const string Mp4 = "video/mp4";

                public IActionResult [|ByConstField|](byte[] bytes) => File(bytes, Mp4);
                public IActionResult [|ByExtension|](Guid id) => PhysicalFile($"/data/clips/{id}.mp4", "application/octet-stream");
                public FileStreamResult [|ByResult|](Recording recording) => new FileStreamResult(System.IO.File.OpenRead(recording.FilePath), "application/octet-stream");
                public IActionResult [|ByRedirect|](Recording recording) => Redirect(recording.BlobUrl);
                public string [|ByUrl|](Recording recording) => recording.BlobUrl;
                public IActionResult [|ByOkUrl|](Recording recording) => Ok(recording.BlobUrl);

                public async Task [|BySendFile|](Recording recording) => await Response.SendFileAsync(recording.FilePath);

                public async Task [|ByBody|](Recording recording)
                {
                    await using var stream = System.IO.File.OpenRead(recording.FilePath);
                    await stream.CopyToAsync(Response.Body);
                }

                public async Task [|ByContentType|](Stream stream)
                {
                    Response.ContentType = "audio/mpeg";
                    await stream.CopyToAsync(Response.Body);
                }
            }
            """ + Entities;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RazorPage_IsFlaggedAndTheFixAnnotatesThePageModelOnce()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Mvc.RazorPages;

            namespace App.Pages.Recordings
            {
                public class DownloadModel : PageModel
                {
                    public IActionResult [|OnGet|](Recording recording) => PhysicalFile(recording.FilePath, "video/mp4");
                    public IActionResult [|OnGetAudioAsync|](Recording recording) => PhysicalFile(recording.FilePath, "audio/wav");
                    public IActionResult OnPost() => Page();
                }
            }
            """ + Entities;
        var fixedSource = Usings + """
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.AspNetCore.Authorization;

            namespace App.Pages.Recordings
            {
                [Authorize]
                public class DownloadModel : PageModel
                {
                    public IActionResult OnGet(Recording recording) => PhysicalFile(recording.FilePath, "video/mp4");
                    public IActionResult OnGetAudioAsync(Recording recording) => PhysicalFile(recording.FilePath, "audio/wav");
                    public IActionResult OnPost() => Page();
                }
            }
            """ + Entities;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Theory]
    [InlineData("options.Conventions.AuthorizeFolder(\"/Recordings\")", false)]
    [InlineData("options.Conventions.AuthorizeFolder(\"/\")", false)]
    [InlineData("options.Conventions.AuthorizePage(\"/Recordings/Download\")", false)]
    [InlineData("options.Conventions.AuthorizeFolder(\"/Account\")", true)]
    [InlineData("options.Conventions.AuthorizePage(\"/Recordings/Other\")", true)]
    public async Task RazorPagesConventions_ProtectThePagesUnderTheirPath(string convention, bool flagged)
    {
        var handler = flagged ? "[|OnGet|]" : "OnGet";
        var source = Usings + $$"""
            using Microsoft.AspNetCore.Mvc.RazorPages;

            namespace App.Pages.Recordings
            {
                public class DownloadModel : PageModel
                {
                    public IActionResult {{handler}}(Recording recording) => PhysicalFile(recording.FilePath, "video/mp4");
                }
            }

            public static class Startup
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddRazorPages(options => {{convention}});
            }
            """ + Entities;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MinimalApi_AnonymousEndpoints_AreFlaggedAndRequireAuthorization()
    {
        var source = Usings + """
            public static class RecordingEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.{|#0:MapGet("/recordings/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"))|};
                    app.[|MapGet("/clips/{id}", (Guid id, IRecordingStore store) =>
                        TypedResults.PhysicalFile(store.Get(id).FilePath, "video/mp4"))|]
                        .WithName("clip");
                    app.MapGet("/invoices/{id}", (Guid id, IRecordingStore store) => Results.File(store.GetInvoice(id).Pdf, "application/pdf"));
                }
            }
            """ + Entities;
        var fixedSource = Usings + """
            public static class RecordingEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/recordings/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4")).RequireAuthorization();
                    app.MapGet("/clips/{id}", (Guid id, IRecordingStore store) =>
                        TypedResults.PhysicalFile(store.Get(id).FilePath, "video/mp4")).RequireAuthorization()
                        .WithName("clip");
                    app.MapGet("/invoices/{id}", (Guid id, IRecordingStore store) => Results.File(store.GetInvoice(id).Pdf, "application/pdf"));
                }
            }
            """ + Entities;

        await Verify.VerifyCodeFixAsync(
            source,
            fixedSource,
            editorConfig: null,
            Verify.Diagnostic().WithLocation(0).WithArguments("MapGet(\"/recordings/{id}\")", "Results.File", "nothing requires authorization (no [Authorize], RequireAuthorization() or fallback policy applies)"));
    }

    [Fact]
    public async Task MinimalApi_RequireAuthorizationOnAGroupTwoCallsUp_Protects()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Routing;

            public static class RecordingEndpoints
            {
                public static void Map(WebApplication app)
                {
                    var api = app.MapGroup("/api").RequireAuthorization();
                    var recordings = api.MapGroup("/recordings").WithTags("recordings");
                    recordings.MapGet("/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"));

                    var clips = app.MapGroup("/clips");
                    clips.RequireAuthorization("Customers");
                    clips.MapGroup("/v1").MapGet("/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"));

                    app.MapGet("/one/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4")).RequireAuthorization();
                    app.MapGet("/two/{id}", [Authorize] (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"));

                    var open = app.MapGroup("/open");
                    open.[|MapGet("/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"))|];
                    api.[|MapGet("/shared/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"))|].AllowAnonymous();
                }

                public static void MapOnAGroupFromElsewhere(IEndpointRouteBuilder group) =>
                    group.MapGet("/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"));

                public static void MapOnAGroupFromAHelper(WebApplication app) =>
                    Api(app).MapGet("/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"));

                private static RouteGroupBuilder Api(WebApplication app) => app.MapGroup("/api").RequireAuthorization();
            }
            """ + Entities;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MinimalApi_MethodGroupHandler_IsFlagged()
    {
        var source = Usings + """
            public static class RecordingEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.[|MapGet("/recordings/{id}", Download)|];
                    app.MapGet("/invoices/{id}", Invoice);
                }

                private static IResult Download(Guid id, IRecordingStore store) => Results.Stream(System.IO.File.OpenRead(store.Get(id).FilePath), "video/mp4");
                private static IResult Invoice(Guid id, IRecordingStore store) => Results.Bytes(store.GetInvoice(id).Pdf, "application/pdf");
            }
            """ + Entities;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MinimalApi_MethodGroupHandlers_AreJudgedWhereverAndWhicheverOrderTheyAreDeclared()
    {
        // Handlers passed as method groups are judged at compilation end, from the bodies the host analyzed: a handler
        // declared before its Map* call, in another file, with a block body, mapped twice, or mapped behind
        // RequireAuthorization() must come out the same as one declared next to its Map* call.
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public static class Handlers
                {
                    public static IResult Stream(Guid id, IRecordingStore store)
                    {
                        var path = store.Get(id).FilePath;
                        return Results.Stream(System.IO.File.OpenRead(path), "video/mp4");
                    }

                    public static string Name(Guid id, IRecordingStore store) => store.GetInvoice(id).Id.ToString();
                }
                """ + Entities,
        };
        test.TestState.Sources.Add(("/Program.cs", Usings + """
            public static class Routes
            {
                public static void Map(WebApplication app)
                {
                    app.[|MapGet("/a/{id}", Handlers.Stream)|];
                    app.[|MapGet("/b/{id}", Handlers.Stream)|];
                    app.MapGet("/c/{id}", Handlers.Stream).RequireAuthorization();
                    app.MapGet("/d/{id}", Handlers.Name);
                }
            }
            """));

        await test.RunAsync();
    }

    [Fact]
    public async Task FallbackPolicy_ProtectsMinimalApis_ButAllowAnonymousStillWins()
    {
        var source = Usings + """
            using Microsoft.AspNetCore.Authorization;

            public static class RecordingEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/recordings/{id}", (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"));
                    app.[|MapGet("/shared/{id}", [AllowAnonymous] (Guid id, IRecordingStore store) => Results.File(store.Get(id).FilePath, "video/mp4"))|];
                }

                public static void Configure(IServiceCollection services) =>
                    services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            }
            """ + Entities;
        var fixedSource = source.Replace("[AllowAnonymous] (Guid id", "(Guid id").Replace("app.[|MapGet(\"/shared/{id}\"", "app.MapGet(\"/shared/{id}\"").Replace("\"video/mp4\"))|];", "\"video/mp4\"));");

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task RecordingsRecognized_ByClassificationAttribute_AndByConfiguration()
    {
        var source = Usings + """
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class CustomerVoiceDataAttribute : DataClassificationAttribute
            {
                public CustomerVoiceDataAttribute() : base(new DataClassification("Privacy", "Voice")) { }
            }

            public class Utterance
            {
                [CustomerVoiceData]
                public string Location { get; set; } = "";
            }

            public class Asset
            {
                public string StoragePath { get; set; } = "";
            }

            public class AssistantController : ControllerBase
            {
                public IActionResult [|Utterance|](Utterance utterance) => PhysicalFile(utterance.Location, "application/octet-stream");
                public IActionResult [|Asset|](Asset asset) => PhysicalFile(asset.StoragePath, "application/octet-stream");
                public IActionResult Clip(Recording recording) => PhysicalFile(recording.FilePath, "application/octet-stream");
            }
            """ + Entities;

        await Verify.VerifyAnalyzerAsync(
            source,
            "dotnet_code_quality.PRIV001.recording_types = T:Asset\ndotnet_code_quality.Privacy.excluded_types = T:Recording");
    }

    [Fact]
    public async Task RecordingClassificationsOption_ChoosesTheAttributeWords()
    {
        var source = Usings + """
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class CustomerFootageAttribute : DataClassificationAttribute
            {
                public CustomerFootageAttribute() : base(new DataClassification("Privacy", "Camera")) { }
            }

            public sealed class CustomerVideoAttribute : DataClassificationAttribute
            {
                public CustomerVideoAttribute() : base(new DataClassification("Privacy", "Camera")) { }
            }

            public class Capture { [CustomerFootage] public string Location { get; set; } = ""; }
            public class Upload { [CustomerVideo] public string Location { get; set; } = ""; }

            public class CapturesController : ControllerBase
            {
                public IActionResult {|#0:Capture|}(Capture capture) => PhysicalFile(capture.Location, "application/octet-stream");
                public IActionResult {|#1:Upload|}(Upload upload) => PhysicalFile(upload.Location, "application/octet-stream");
            }
            """;
        const string Reason = "nothing requires authorization (no [Authorize], RequireAuthorization() or fallback policy applies)";

        await Verify.VerifyAnalyzerAsync(source.Replace("{|#0:Capture|}", "Capture"), editorConfig: null, Verify.Diagnostic().WithLocation(1).WithArguments("Upload", "PhysicalFile", Reason));
        await Verify.VerifyAnalyzerAsync(
            source.Replace("{|#1:Upload|}", "Upload"),
            "dotnet_code_quality.Privacy.recording_classifications = Footage | Voice",
            Verify.Diagnostic().WithLocation(0).WithArguments("Capture", "PhysicalFile", Reason));
    }

    [Fact]
    public async Task WithoutAspNetCore_NothingIsReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                public class Recording { public string FilePath { get; set; } = ""; }
                public class RecordingsController
                {
                    public string Download(Recording recording) => recording.FilePath;
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.NetCoreOnly);

        await test.RunAsync();
    }
}
