using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PrivacyAnalyzers.Deletion;
using Xunit;
using Verify = PrivacyAnalyzers.Tests.Deletion.DeletionVerifier.SoftDeleteOfPersonalData;

namespace PrivacyAnalyzers.Tests.Deletion;

/// <summary>PRIV011: a deletion request answered by a soft delete.</summary>
public sealed class SoftDeleteOfPersonalDataTests
{
    private const string Model = DeletionTest.Usings + """
        using Microsoft.AspNetCore.Mvc;

        public enum ProfileStatus { Active, Suspended, Deleted }

        public class FaceProfile
        {
            public Guid Id { get; set; }
            public string? Name { get; set; }
            public byte[]? Embedding { get; set; }
            public string? ImagePath { get; set; }
            public bool IsDeleted { get; set; }
            public DateTime? DeletedAt { get; set; }
            public ProfileStatus Status { get; set; }
        }

        public class Product
        {
            public Guid Id { get; set; }
            public bool IsDeleted { get; set; }
            public string Status { get; set; } = "";
        }

        public class AppDb : DbContext
        {
            public DbSet<FaceProfile> Faces => Set<FaceProfile>();
            public DbSet<Product> Products => Set<Product>();
        }

        """;

    private static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) =>
        DeletionTest.VerifyAsync(DiagnosticIds.SoftDeleteOfPersonalData, sources, expected);

    private static Task VerifyAsync(string[] sources, string editorConfig, params DiagnosticResult[] expected) =>
        DeletionTest.VerifyAsync(DiagnosticIds.SoftDeleteOfPersonalData, sources, editorConfig, expected);

    [Fact]
    public async Task HttpDeleteAction_SettingIsDeleted_IsFlagged()
    {
        var source = Model + """
            [ApiController]
            public class FacesController : ControllerBase
            {
                private readonly AppDb db;
                public FacesController(AppDb db) => this.db = db;

                [HttpDelete("faces/{id}")]
                public async Task<IActionResult> Forget(Guid id)
                {
                    var face = await db.Faces.FindAsync(id);
                    if (face is null) return NotFound();
                    {|#0:face.IsDeleted = true|};
                    await db.SaveChangesAsync();
                    return NoContent();
                }
            }
            """;

        await VerifyAsync([source], Verify.Diagnostic().WithLocation(0).WithArguments("Forget", "FaceProfile", "IsDeleted"));
    }

    [Fact]
    public async Task DeleteNamedMethod_DeletedAtAndStatus_AreFlagged()
    {
        var source = Model + """
            public class Profiles
            {
                public void DeleteProfile(FaceProfile face)
                {
                    {|#0:face.DeletedAt = DateTime.UtcNow|};
                    {|#1:face.Status = ProfileStatus.Deleted|};
                }
            }
            """;

        await VerifyAsync(
            [source],
            Verify.Diagnostic().WithLocation(0).WithArguments("DeleteProfile", "FaceProfile", "DeletedAt"),
            Verify.Diagnostic().WithLocation(1).WithArguments("DeleteProfile", "FaceProfile", "Status"));
    }

    [Fact]
    public async Task MapDeleteEndpoint_IsADeletionHandler()
    {
        var source = DeletionTest.Usings + """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapDelete("/faces/{id}", async (Guid id, AppDb db) =>
                    {
                        var face = await db.Faces.FindAsync(id);
                        {|#0:face!.IsDeleted = true|};
                        await db.SaveChangesAsync();
                        return Results.NoContent();
                    });

                    app.MapDelete("/faces/by-name/{name}", ForgetByName);

                    app.MapPost("/faces/{id}/hide", async (Guid id, AppDb db) =>
                    {
                        var face = await db.Faces.FindAsync(id);
                        face!.IsDeleted = true;
                        await db.SaveChangesAsync();
                    });
                }

                private static void ForgetByName(string name, AppDb db)
                {
                    foreach (var face in db.Faces.Where(f => f.Name == name))
                    {
                        {|#1:face.IsDeleted = true|};
                    }
                }
            }
            """;

        await VerifyAsync(
            [Model, source],
            Verify.Diagnostic().WithLocation(0).WithArguments("MapDelete endpoint", "FaceProfile", "IsDeleted"),
            Verify.Diagnostic().WithLocation(1).WithArguments("ForgetByName", "FaceProfile", "IsDeleted"));
    }

    [Fact]
    public async Task ExecuteUpdateSetProperty_IsASoftDelete()
    {
        var source = Model + """
            public class Profiles
            {
                public Task<int> EraseAsync(AppDb db, Guid id) =>
                    db.Faces.Where(f => f.Id == id).ExecuteUpdateAsync(s => {|#0:s.SetProperty(f => f.IsDeleted, true)|});

                public Task<int> RemoveAll(AppDb db) =>
                    db.Faces.ExecuteUpdateAsync(s => {|#1:s.SetProperty(f => f.IsDeleted, f => true)|});
            }
            """;

        await VerifyAsync(
            [source],
            Verify.Diagnostic().WithLocation(0).WithArguments("EraseAsync", "FaceProfile", "IsDeleted"),
            Verify.Diagnostic().WithLocation(1).WithArguments("RemoveAll", "FaceProfile", "IsDeleted"));
    }

    [Fact]
    public async Task CommandHandlerType_NamesTheDeletion()
    {
        var source = Model + """
            public record DeleteFaceCommand(Guid Id);

            public class DeleteFaceHandler
            {
                public async Task Handle(DeleteFaceCommand command, AppDb db)
                {
                    var face = await db.Faces.SingleAsync(f => f.Id == command.Id);
                    {|#0:face.IsDeleted = true|};
                }
            }
            """;

        await VerifyAsync([source], Verify.Diagnostic().WithLocation(0).WithArguments("Handle", "FaceProfile", "IsDeleted"));
    }

    [Fact]
    public async Task SoftDeleteOfAProduct_IsNotFlagged()
    {
        var source = Model + """
            public class Catalog
            {
                public void DeleteProduct(Product product)
                {
                    product.IsDeleted = true;
                    product.Status = "Deleted";
                }
            }
            """;

        await VerifyAsync([source]);
    }

    [Fact]
    public async Task SoftDeleteWithAPurgeJobByTheSameFlag_IsNotFlagged()
    {
        var handler = Model + """
            public class Profiles
            {
                public void DeleteProfile(FaceProfile face) => face.IsDeleted = true;
            }
            """;
        var retention = DeletionTest.Usings + """
            public class NightlyPurge
            {
                public Task<int> Run(AppDb db) => db.Faces.Where(f => f.IsDeleted).ExecuteDeleteAsync();
            }
            """;

        await VerifyAsync([handler, retention]);
    }

    [Fact]
    public async Task APurgeByAnotherFlag_DoesNotCount()
    {
        var source = Model + """
            public class Profiles
            {
                public void DeleteProfile(FaceProfile face) => {|#0:face.IsDeleted = true|};

                public Task<int> Purge(AppDb db) => db.Faces.Where(f => f.DeletedAt < DateTime.UtcNow.AddDays(-30)).ExecuteDeleteAsync();
            }
            """;

        await VerifyAsync([source], Verify.Diagnostic().WithLocation(0).WithArguments("DeleteProfile", "FaceProfile", "IsDeleted"));
    }

    [Fact]
    public async Task SoftDeleteThatClearsTheContent_RemovesTheRow_OrDeletesTheMedia_IsNotFlagged()
    {
        var source = Model + """
            public class Profiles
            {
                public void DeleteAnonymised(FaceProfile face)
                {
                    face.IsDeleted = true;
                    face.Name = null;
                    face.Embedding = null;
                }

                public void DeleteRow(AppDb db, FaceProfile face)
                {
                    face.IsDeleted = true;
                    db.Faces.Remove(face);
                }

                public void DeleteImage(FaceProfile face)
                {
                    face.DeletedAt = DateTime.UtcNow;
                    DropImage(face.ImagePath!);
                }

                private static void DropImage(string path) => System.IO.File.Delete(path);
            }
            """;

        await VerifyAsync([source]);
    }

    [Fact]
    public async Task NotADeletionHandler_OrARestore_IsNotFlagged()
    {
        var source = Model + """
            public class Profiles
            {
                public void Hide(FaceProfile face) => face.IsDeleted = true;

                public void UndoDelete(FaceProfile face)
                {
                    face.IsDeleted = false;
                    face.DeletedAt = null;
                }
            }
            """;

        await VerifyAsync([source]);
    }

    [Fact]
    public async Task Options_DeletionHandlersAndExcludedTypes()
    {
        var source = Model + """
            public class Note { public Guid Id { get; set; } public bool IsDeleted { get; set; } }

            public class Profiles
            {
                public void Hide(FaceProfile face) => {|#0:face.IsDeleted = true|};
                public void DeleteNote(Note note) => {|#1:note.IsDeleted = true|};
            }
            """;

        await VerifyAsync(
            [source],
            """
            dotnet_code_quality.PRIV011.deletion_handlers = M:Profiles.Hide
            dotnet_code_quality.PRIV011.personal_data_types = T:Note
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("Hide", "FaceProfile", "IsDeleted"),
            Verify.Diagnostic().WithLocation(1).WithArguments("DeleteNote", "Note", "IsDeleted"));

        await VerifyAsync(
            [source],
            "dotnet_code_quality.Privacy.excluded_types = T:FaceProfile\ndotnet_code_quality.PRIV011.deletion_handlers = M:Profiles.Hide");
    }

    [Fact]
    public async Task SoftDeleteInGeneratedCode_IsNotReported()
    {
        var page = "//generated\n// <auto-generated/>\n" + DeletionTest.Usings + """
            public class DeletePage
            {
                public void OnPostDelete(FaceProfile face) => face.IsDeleted = true;
            }
            """;

        await VerifyAsync([Model, page]);
    }

    [Fact]
    public async Task SoftDeleteInAGeneratedCodeClass_OfAHandWrittenFile_IsNotReported()
    {
        var page = DeletionTest.Usings + """
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            public class DeletePage
            {
                public void OnPostDelete(FaceProfile face) => face.IsDeleted = true;
            }
            """;

        await VerifyAsync([Model, page]);
    }
}
