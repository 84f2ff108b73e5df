using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PrivacyAnalyzers.Deletion;
using Xunit;
using Verify = PrivacyAnalyzers.Tests.Deletion.DeletionVerifier.DeletionLeavesDataBehind;

namespace PrivacyAnalyzers.Tests.Deletion;

/// <summary>PRIV012: a deletion leaves derived personal data behind.</summary>
public sealed class DeletionLeavesDataBehindTests
{
    private const string Clips = DeletionTest.Usings + """
        #nullable enable
        using Azure.Storage.Blobs;

        public class Clip
        {
            public Guid Id { get; set; }
            public Guid CameraId { get; set; }
            public string BlobName { get; set; } = "";
        }

        public class AppDb : DbContext
        {
            public DbSet<Clip> Clips => Set<Clip>();
        }

        """;

    private const string Media = "the stored media that 'BlobName' points to";

    private static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) =>
        DeletionTest.VerifyAsync(DiagnosticIds.DeletionLeavesDataBehind, sources, expected);

    private static Task VerifyAsync(string[] sources, string editorConfig, params DiagnosticResult[] expected) =>
        DeletionTest.VerifyAsync(DiagnosticIds.DeletionLeavesDataBehind, sources, editorConfig, expected);

    [Fact]
    public async Task RemovingAClip_WithoutDeletingItsBlob_IsFlagged()
    {
        var source = Clips + """
            public class ClipService
            {
                private readonly AppDb db;
                public ClipService(AppDb db) => this.db = db;

                public async Task DeleteClip(Guid id)
                {
                    var clip = await db.Clips.FindAsync(id);
                    {|#0:db.Clips.Remove(clip!)|};
                    await db.SaveChangesAsync();
                }

                public Task<int> DeleteCameraClips(Guid camera) =>
                    {|#1:db.Clips.Where(c => c.CameraId == camera).ExecuteDeleteAsync()|};
            }
            """;

        await VerifyAsync(
            [source],
            Verify.Diagnostic().WithLocation(0).WithArguments("Clip", Media),
            Verify.Diagnostic().WithLocation(1).WithArguments("Clip", Media));
    }

    [Fact]
    public async Task BlobDeletedThroughAHelperOfTheSameClass_IsNotFlagged()
    {
        var source = Clips + """
            public class ClipService
            {
                private readonly AppDb db;
                private readonly BlobContainerClient container;

                public ClipService(AppDb db, BlobContainerClient container)
                {
                    this.db = db;
                    this.container = container;
                }

                public async Task DeleteClip(Clip clip)
                {
                    db.Clips.Remove(clip);
                    await DeleteBlob(clip.BlobName);
                    await db.SaveChangesAsync();
                }

                public async Task DeleteWithClient(Clip clip)
                {
                    db.Remove(clip);
                    await container.GetBlobClient(clip.BlobName).DeleteIfExistsAsync();
                }

                private Task DeleteBlob(string name) => container.DeleteBlobIfExistsAsync(name);
            }
            """;

        await VerifyAsync([source]);
    }

    [Fact]
    public async Task FileDeleteAndS3DeleteObject_DeleteTheMedia()
    {
        var s3 = """
            namespace Amazon.S3
            {
                public interface IAmazonS3 { System.Threading.Tasks.Task DeleteObjectAsync(string bucket, string key); }
            }
            """;
        var source = Clips + """
            public class ClipService
            {
                public void DeleteLocal(AppDb db, Clip clip)
                {
                    db.Clips.Remove(clip);
                    System.IO.File.Delete(clip.BlobName);
                }

                public async Task DeleteFromS3(AppDb db, Clip clip, Amazon.S3.IAmazonS3 s3)
                {
                    db.Clips.Remove(clip);
                    await s3.DeleteObjectAsync("clips", clip.BlobName);
                }
            }
            """;

        await VerifyAsync([s3, source]);
    }

    [Fact]
    public async Task TranscriptTableLinkedOnlyByKey_IsLeftBehind()
    {
        var source = DeletionTest.Usings + """
            public class Recording { public Guid Id { get; set; } }

            public class Transcript
            {
                public Guid Id { get; set; }
                public Guid RecordingId { get; set; }
                public string Text { get; set; } = "";
            }

            public class AppDb : DbContext
            {
                public DbSet<Recording> Recordings => Set<Recording>();
                public DbSet<Transcript> Transcripts => Set<Transcript>();
            }

            public class Recordings
            {
                public Task<int> Delete(AppDb db, Guid id) =>
                    {|#0:db.Recordings.Where(r => r.Id == id).ExecuteDeleteAsync()|};

                public async Task DeleteBoth(AppDb db, Guid id)
                {
                    await db.Transcripts.Where(t => t.RecordingId == id).ExecuteDeleteAsync();
                    await db.Recordings.Where(r => r.Id == id).ExecuteDeleteAsync();
                }
            }
            """;

        await VerifyAsync(
            [source],
            Verify.Diagnostic().WithLocation(0).WithArguments("Recording", "'Transcript' rows (linked only by 'RecordingId', which no relationship cascades)"));
    }

    [Fact]
    public async Task OptionalRelationship_IsLeftBehind_RequiredCascades()
    {
        var source = DeletionTest.Usings + """
            #nullable enable
            public class Recording
            {
                public Guid Id { get; set; }
                public List<Transcript> Transcripts { get; set; } = new();
                public List<VoiceprintMatch> Matches { get; set; } = new();
            }

            public class Transcript { public Guid Id { get; set; } public Guid? RecordingId { get; set; } }
            public class VoiceprintMatch { public Guid Id { get; set; } public Recording Recording { get; set; } = null!; }

            public class AppDb : DbContext
            {
                public DbSet<Recording> Recordings => Set<Recording>();
                public DbSet<Transcript> Transcripts => Set<Transcript>();
                public DbSet<VoiceprintMatch> Matches => Set<VoiceprintMatch>();

                public void Forget(Recording recording) => {|#0:Recordings.Remove(recording)|};
            }
            """;

        await VerifyAsync(
            [source],
            Verify.Diagnostic().WithLocation(0).WithArguments("Recording", "'Transcript' rows (optional relationship 'Transcripts': EF Core sets the key to null and keeps the row)"));
    }

    [Fact]
    public async Task OnDeleteSetNull_IsLeftBehind_OnDeleteCascadeIsNot()
    {
        var model = DeletionTest.Usings + """
            #nullable enable
            using Microsoft.EntityFrameworkCore.Metadata.Builders;

            public class Recording { public Guid Id { get; set; } }
            public class Transcript { public Guid Id { get; set; } public Guid RecordingId { get; set; } public Recording Recording { get; set; } = null!; }
            public class Caption { public Guid Id { get; set; } public Guid? RecordingId { get; set; } public Recording? Recording { get; set; } }

            public class AppDb : DbContext
            {
                public DbSet<Recording> Recordings => Set<Recording>();
                public DbSet<Transcript> Transcripts => Set<Transcript>();
                public DbSet<Caption> Captions => Set<Caption>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Transcript>().HasOne(t => t.Recording).WithMany().OnDelete(DeleteBehavior.SetNull);
                    modelBuilder.ApplyConfiguration(new CaptionConfiguration());
                }
            }

            public class CaptionConfiguration : IEntityTypeConfiguration<Caption>
            {
                public void Configure(EntityTypeBuilder<Caption> builder) =>
                    builder.HasOne(c => c.Recording).WithMany().OnDelete(DeleteBehavior.Cascade);
            }
            """;
        var deletion = DeletionTest.Usings + """
            public class Recordings
            {
                public void Delete(AppDb db, Recording recording) => {|#0:db.Remove(recording)|};
            }
            """;

        await VerifyAsync(
            [model, deletion],
            "dotnet_code_quality.PRIV012.personal_data_types = T:Caption",
            Verify.Diagnostic().WithLocation(0).WithArguments("Recording", "'Transcript' rows (its OnDelete behavior does not cascade)"));
    }

    [Fact]
    public async Task MediaAndDependent_AreBothNamed()
    {
        var source = Clips + """
            public class ClipTranscript { public Guid Id { get; set; } public Guid ClipId { get; set; } }

            public class MoreDb : DbContext
            {
                public DbSet<ClipTranscript> ClipTranscripts => Set<ClipTranscript>();
            }

            public class ClipService
            {
                public void DeleteClip(AppDb db, Clip clip) => {|#0:db.Clips.Remove(clip)|};
            }
            """;

        await VerifyAsync(
            [source],
            Verify.Diagnostic().WithLocation(0).WithArguments("Clip", Media + " and 'ClipTranscript' rows (linked only by 'ClipId', which no relationship cascades)"));
    }

    [Fact]
    public async Task NonPersonalData_RepositoryCalls_AndGeneratedCode_AreNotFlagged()
    {
        var source = DeletionTest.Usings + """
            public class ProductImage { public Guid Id { get; set; } public string ImagePath { get; set; } = ""; }
            public class Clip { public Guid Id { get; set; } public string BlobName { get; set; } = ""; }
            public interface IClipRepository { Task DeleteAsync(Clip clip); }

            public class AppDb : DbContext
            {
                public DbSet<ProductImage> Images => Set<ProductImage>();
                public DbSet<Clip> Clips => Set<Clip>();
            }

            public class Catalog
            {
                public void DeleteImage(AppDb db, ProductImage image) => db.Images.Remove(image);
                public Task DeleteClip(IClipRepository clips, Clip clip) => clips.DeleteAsync(clip);
            }
            """;
        var generated = "//generated\n// <auto-generated/>\n" + DeletionTest.Usings + """
            public class DeleteClipPage
            {
                public void OnPost(AppDb db, Clip clip) => db.Clips.Remove(clip);
            }
            """;

        await VerifyAsync([source, generated]);
    }

    [Fact]
    public async Task Options_DeletionMethodsDeleteTheMedia_AndExcludedTypesSilence()
    {
        var source = Clips + """
            public static class MediaVault { public static void Shred(string blobName) { } }

            public class ClipService
            {
                public void DeleteClip(AppDb db, Clip clip)
                {
                    db.Clips.Remove(clip);
                    MediaVault.Shred(clip.BlobName);
                }

                public void DeleteQuickly(AppDb db, Clip clip) => {|#0:db.Clips.Remove(clip)|};
            }
            """;

        await VerifyAsync(
            [source],
            "dotnet_code_quality.PRIV012.deletion_methods = M:MediaVault.Shred",
            Verify.Diagnostic().WithLocation(0).WithArguments("Clip", Media));

        await VerifyAsync([source], "dotnet_code_quality.Privacy.excluded_types = T:Clip");
    }
}
