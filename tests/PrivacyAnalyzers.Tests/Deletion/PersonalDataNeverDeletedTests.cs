using System.Threading.Tasks;
using PrivacyAnalyzers.Deletion;
using PrivacyAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = PrivacyAnalyzers.Tests.Deletion.DeletionVerifier.PersonalDataNeverDeleted;

namespace PrivacyAnalyzers.Tests.Deletion;

/// <summary>PRIV010: personal data is stored but never deleted.</summary>
public sealed class PersonalDataNeverDeletedTests
{
    private const string Geofence = DeletionTest.Usings + """
        public class GeofenceEvent
        {
            public Guid Id { get; set; }
            public Guid HouseholdId { get; set; }
            public double Latitude { get; set; }
            public double Longitude { get; set; }
            public DateTime At { get; set; }
        }

        """;

    private static Task VerifyAsync(string[] sources, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        DeletionTest.VerifyAsync(DiagnosticIds.PersonalDataNeverDeleted, sources, expected);

    private static Task VerifyAsync(string[] sources, string editorConfig, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        DeletionTest.VerifyAsync(DiagnosticIds.PersonalDataNeverDeleted, sources, editorConfig, expected);

    [Fact]
    public async Task LocationHistory_StoredAndNeverDeleted_IsFlaggedOnTheDbSet()
    {
        var source = Geofence + """
            public class AppDb : DbContext
            {
                public DbSet<GeofenceEvent> {|#0:GeofenceEvents|} => Set<GeofenceEvent>();
            }

            public class GeofenceIngest
            {
                private readonly AppDb db;
                public GeofenceIngest(AppDb db) => this.db = db;

                public async Task Record(GeofenceEvent e)
                {
                    db.GeofenceEvents.Add(e);
                    await db.SaveChangesAsync();
                }
            }
            """;

        await VerifyAsync([source], Verify.Diagnostic().WithLocation(0).WithArguments("GeofenceEvent", "precise location"));
    }

    [Fact]
    public async Task DeletionInAnotherFileAndClass_IsADeletionPath()
    {
        var context = Geofence + """
            public class AppDb : DbContext
            {
                public DbSet<GeofenceEvent> GeofenceEvents => Set<GeofenceEvent>();
            }
            """;
        var deletion = DeletionTest.Usings + """
            public class AccountEraser
            {
                public void Erase(AppDb db, Guid household)
                {
                    db.GeofenceEvents.RemoveRange(db.GeofenceEvents.Where(e => e.HouseholdId == household));
                }
            }
            """;

        await VerifyAsync([context, deletion]);
    }

    [Fact]
    public async Task ExecuteDeleteAsyncInARetentionJob_IsADeletionPath()
    {
        var source = Geofence + """
            public class AppDb : DbContext
            {
                public DbSet<GeofenceEvent> GeofenceEvents { get; set; } = null!;
            }

            public class Retention
            {
                public Task<int> Run(AppDb db, CancellationToken ct) =>
                    db.GeofenceEvents.Where(e => e.At < DateTime.UtcNow.AddDays(-30)).ExecuteDeleteAsync(ct);
            }
            """;

        await VerifyAsync([source]);
    }

    [Fact]
    public async Task ContextRemove_RawSqlDeleteFrom_AndRepositoryDeleteByKey_AreDeletionPaths()
    {
        var context = DeletionTest.Usings + """
            public class FaceProfile { public Guid Id { get; set; } public byte[] Embedding { get; set; } = []; }
            public class ChildProfile { public Guid Id { get; set; } public string Nickname { get; set; } = ""; }
            public class VoiceRecording { public Guid Id { get; set; } }

            public class AppDb : DbContext
            {
                public DbSet<FaceProfile> Faces => Set<FaceProfile>();
                public DbSet<ChildProfile> Children => Set<ChildProfile>();
                public DbSet<VoiceRecording> VoiceRecordings => Set<VoiceRecording>();
            }

            public interface IVoiceRecordingRepository { Task DeleteAsync(Guid id); }
            """;
        var deletions = DeletionTest.Usings + """
            public class Cleanup
            {
                public void Forget(AppDb db, FaceProfile face) => db.Remove(face);

                public Task<int> Children(AppDb db, Guid id) =>
                    db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM [Children] WHERE Id = {id}");

                public Task Voice(IVoiceRecordingRepository repository, Guid id) => repository.DeleteAsync(id);
            }
            """;

        await VerifyAsync([context, deletions]);
    }

    [Fact]
    public async Task CascadeFromADeletedPrincipal_RequiredKeyIsDeleted_OptionalKeySurvives()
    {
        var source = DeletionTest.Usings + """
            public class Recording
            {
                public Guid Id { get; set; }
                public List<Transcript> Transcripts { get; set; } = new();
                public List<Caption> Captions { get; set; } = new();
            }

            public class Transcript
            {
                public Guid Id { get; set; }
                public Guid RecordingId { get; set; }
                public Recording Recording { get; set; } = null!;
                public string Text { get; set; } = "";
            }

            public class Caption
            {
                public Guid Id { get; set; }
                public Guid? RecordingId { get; set; }
                public string Text { get; set; } = "";
            }

            public class CaptionTranscript
            {
                public Guid Id { get; set; }
                public Guid RecordingId { get; set; }
            }

            public class AppDb : DbContext
            {
                public DbSet<Recording> Recordings => Set<Recording>();
                public DbSet<Transcript> Transcripts => Set<Transcript>();
                public DbSet<Caption> {|#0:Captions|} => Set<Caption>();
                public DbSet<CaptionTranscript> {|#1:CaptionTranscripts|} => Set<CaptionTranscript>();
            }

            public class Recordings
            {
                public Task Delete(AppDb db, Recording recording)
                {
                    db.Recordings.Remove(recording);
                    return db.SaveChangesAsync();
                }
            }
            """;

        // Caption: nullable key, EF sets it to null. CaptionTranscript: a key member but no relationship at all.
        // "Caption" is not vocabulary: it is personal data here only through a recording word in CaptionTranscript.
        await VerifyAsync(
            [source],
            "dotnet_code_quality.PRIV010.personal_data_types = T:Caption",
            Verify.Diagnostic().WithLocation(0).WithArguments("Caption", "configured personal data type"),
            Verify.Diagnostic().WithLocation(1).WithArguments("CaptionTranscript", "recording"));
    }

    [Fact]
    public async Task OnDeleteCascade_InOnModelCreatingOrEntityTypeConfiguration_IsADeletionPath()
    {
        var model = DeletionTest.Usings + """
            using Microsoft.EntityFrameworkCore.Metadata.Builders;

            public class Clip { public Guid Id { get; set; } public List<ClipTranscript> Transcripts { get; set; } = new(); }
            public class ClipTranscript { public Guid Id { get; set; } public Guid? ClipId { get; set; } public Clip? Clip { get; set; } }
            public class FaceMatch { public Guid Id { get; set; } public Guid? ClipId { get; set; } public Clip? Clip { get; set; } }

            public class AppDb : DbContext
            {
                public DbSet<Clip> Clips => Set<Clip>();
                public DbSet<ClipTranscript> ClipTranscripts => Set<ClipTranscript>();
                public DbSet<FaceMatch> FaceMatches => Set<FaceMatch>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Clip>()
                        .HasMany(c => c.Transcripts)
                        .WithOne(t => t.Clip)
                        .OnDelete(DeleteBehavior.Cascade);
                    modelBuilder.ApplyConfiguration(new FaceMatchConfiguration());
                }
            }

            public class FaceMatchConfiguration : IEntityTypeConfiguration<FaceMatch>
            {
                public void Configure(EntityTypeBuilder<FaceMatch> builder) =>
                    builder.HasOne(f => f.Clip).WithMany().OnDelete(DeleteBehavior.ClientCascade);
            }
            """;
        var deletion = DeletionTest.Usings + """
            public class ClipCleanup
            {
                public Task<int> Purge(AppDb db, Guid id) => db.Clips.Where(c => c.Id == id).ExecuteDeleteAsync();
            }
            """;

        await VerifyAsync([model, deletion]);
    }

    [Fact]
    public async Task OnDeleteRestrict_OnARequiredRelationship_StopsTheCascade()
    {
        var source = DeletionTest.Usings + """
            public class Clip { public Guid Id { get; set; } }
            public class ClipTranscript { public Guid Id { get; set; } public Guid ClipId { get; set; } public Clip Clip { get; set; } = null!; }

            public class AppDb : DbContext
            {
                public DbSet<Clip> Clips => Set<Clip>();
                public DbSet<ClipTranscript> {|#0:ClipTranscripts|} => Set<ClipTranscript>();

                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.Entity<ClipTranscript>().HasOne(t => t.Clip).WithMany().OnDelete(DeleteBehavior.Restrict);

                public void Forget(Clip clip) => Clips.Remove(clip);
            }
            """;

        await VerifyAsync([source], Verify.Diagnostic().WithLocation(0).WithArguments("ClipTranscript", "recording"));
    }

    [Fact]
    public async Task IdentityUser_DeletedWithUserManagerDeleteAsync_IsNotFlagged()
    {
        var source = DeletionTest.Usings + """
            using Microsoft.AspNetCore.Identity;

            public class AppUser : IdentityUser
            {
                [PersonalData]
                public string DisplayName { get; set; } = "";
            }

            public class Accounts
            {
                private readonly UserManager<AppUser> users;
                public Accounts(UserManager<AppUser> users) => this.users = users;

                public Task<IdentityResult> Register(AppUser user, string password) => users.CreateAsync(user, password);

                public Task<IdentityResult> DeleteMyAccount(AppUser user) => users.DeleteAsync(user);
            }
            """;

        await VerifyAsync([source]);
    }

    [Fact]
    public async Task IdentityUser_CreatedButNeverDeleted_IsFlaggedOnTheCreateCall()
    {
        var source = DeletionTest.Usings + """
            using Microsoft.AspNetCore.Identity;

            public class AppUser : IdentityUser { }

            public class Accounts
            {
                private readonly UserManager<AppUser> users;
                public Accounts(UserManager<AppUser> users) => this.users = users;

                public Task<IdentityResult> Register(AppUser user, string password) => {|#0:users.CreateAsync(user, password)|};
            }
            """;

        await VerifyAsync([source], Verify.Diagnostic().WithLocation(0).WithArguments("AppUser", "labelled personal data"));
    }

    [Fact]
    public async Task LabelledTypes_PersonalDataAttributeAndDataClassification_AreFlagged()
    {
        var source = DeletionTest.Usings + """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PrivateDataAttribute : DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new DataClassification("Privacy", "Private")) { }
            }

            public class Subscriber { public Guid Id { get; set; } [ProtectedPersonalData] public string Email { get; set; } = ""; }

            [PrivateData]
            public class SupportTicket { public Guid Id { get; set; } public string Body { get; set; } = ""; }

            public class Note { public Guid Id { get; set; } [PrivateData] public string Text { get; set; } = ""; }

            public class AppDb : DbContext
            {
                public DbSet<Subscriber> {|#0:Subscribers|} => Set<Subscriber>();
                public DbSet<SupportTicket> {|#1:Tickets|} => Set<SupportTicket>();
                public DbSet<Note> {|#2:Notes|} => Set<Note>();
            }
            """;

        await VerifyAsync(
            [source],
            Verify.Diagnostic().WithLocation(0).WithArguments("Subscriber", "labelled personal data"),
            Verify.Diagnostic().WithLocation(1).WithArguments("SupportTicket", "labelled personal data"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Note", "labelled personal data"));
    }

    [Fact]
    public async Task LookAlikes_ProductImageAuditRecordLocationSettingsStoreCoordinates_AreNotPersonalData()
    {
        var source = DeletionTest.Usings + """
            public class ProductImage { public Guid Id { get; set; } public string ImagePath { get; set; } = ""; }
            public class AuditRecord { public Guid Id { get; set; } public string Action { get; set; } = ""; }
            public class LocationSettings { public Guid Id { get; set; } public double Latitude { get; set; } public double Longitude { get; set; } }
            public class StoreBranch { public Guid Id { get; set; } public double Latitude { get; set; } public double Longitude { get; set; } }
            public class CertificateFingerprint { public Guid Id { get; set; } public string Sha256 { get; set; } = ""; }
            public class ClipService { public Guid Id { get; set; } }

            public class AppDb : DbContext
            {
                public DbSet<ProductImage> ProductImages => Set<ProductImage>();
                public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
                public DbSet<LocationSettings> LocationSettings => Set<LocationSettings>();
                public DbSet<StoreBranch> Branches => Set<StoreBranch>();
                public DbSet<CertificateFingerprint> Fingerprints => Set<CertificateFingerprint>();
                public DbSet<ClipService> ClipServices => Set<ClipService>();
            }
            """;

        await VerifyAsync([source]);
    }

    [Fact]
    public async Task BiometricAndChildVocabulary_AreFlagged()
    {
        var source = DeletionTest.Usings + """
            public class Household { public Guid Id { get; set; } }
            public class FamiliarFace { public Guid Id { get; set; } }
            public class Resident { public Guid Id { get; set; } public float[] FaceEmbedding { get; set; } = []; }
            public class KidProfile { public Guid Id { get; set; } }

            public class AppDb : DbContext
            {
                public DbSet<Household> Households => Set<Household>();
                public DbSet<FamiliarFace> {|#0:FamiliarFaces|} => Set<FamiliarFace>();
                public DbSet<Resident> {|#1:Residents|} => Set<Resident>();
                public DbSet<KidProfile> {|#2:Kids|} => Set<KidProfile>();
            }
            """;

        await VerifyAsync(
            [source],
            Verify.Diagnostic().WithLocation(0).WithArguments("FamiliarFace", "biometric"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Resident", "biometric"),
            Verify.Diagnostic().WithLocation(2).WithArguments("KidProfile", "child profile"));
    }

    [Fact]
    public async Task WithoutDbSet_TheFirstPersistenceCallIsFlagged()
    {
        var source = DeletionTest.Usings + """
            public class FaceProfile { public Guid Id { get; set; } }

            public class Enrolment
            {
                public async Task Enrol(DbContext db, FaceProfile face)
                {
                    await {|#0:db.AddAsync(face)|};
                    await db.SaveChangesAsync();
                }
            }
            """;

        await VerifyAsync([source], Verify.Diagnostic().WithLocation(0).WithArguments("FaceProfile", "biometric"));
    }

    [Fact]
    public async Task RepositorySave_IsPersistence_AndListAddIsNot()
    {
        var source = DeletionTest.Usings + """
            public class FaceProfile { public Guid Id { get; set; } }
            public class VoiceClip { public Guid Id { get; set; } }

            public interface IFaceProfileRepository { Task SaveAsync(FaceProfile face); }

            public class Enrolment
            {
                private readonly List<VoiceClip> pending = new();

                public Task Enrol(IFaceProfileRepository repository, FaceProfile face)
                {
                    pending.Add(new VoiceClip());
                    return {|#0:repository.SaveAsync(face)|};
                }
            }
            """;

        // The stub context makes EF Core present; only the repository save stores anything.
        var context = DeletionTest.Usings + "public class AppDb : DbContext { }";

        await VerifyAsync([source, context], Verify.Diagnostic().WithLocation(0).WithArguments("FaceProfile", "biometric"));
    }

    [Fact]
    public async Task DeletionInGeneratedCode_Counts_AndStorageInGeneratedCodeIsNotReported()
    {
        var context = Geofence + """
            public class FaceProfile { public Guid Id { get; set; } }

            public class AppDb : DbContext
            {
                public DbSet<GeofenceEvent> GeofenceEvents => Set<GeofenceEvent>();
            }
            """;
        var razorPage = "//generated\n// <auto-generated/>\n" + DeletionTest.Usings + """
            public class DeleteAccountPage
            {
                public void OnPost(AppDb db, Guid household) =>
                    db.GeofenceEvents.Where(e => e.HouseholdId == household).ExecuteDelete();

                public void Seed(DbContext db) => db.Add(new FaceProfile());
            }
            """;

        await VerifyAsync([context, razorPage]);
    }

    [Fact]
    public async Task DbSetInTheGeneratedPartOfAPartialContext_IsNotReported_OneInTheHandWrittenPartIs()
    {
        // A scaffolded or generated context split over files: the type is hand-written (one part is), each DbSet is
        // where its own part is. Only the hand-written DbSet can carry the finding.
        var handWritten = Geofence + """
            public class FaceProfile { public Guid Id { get; set; } }

            public partial class AppDb : DbContext
            {
                public DbSet<FaceProfile> {|#0:Faces|} => Set<FaceProfile>();
            }
            """;
        var generated = "//generated\n// <auto-generated/>\n" + DeletionTest.Usings + """
            public partial class AppDb
            {
                public DbSet<GeofenceEvent> GeofenceEvents => Set<GeofenceEvent>();
            }
            """;

        await VerifyAsync([handWritten, generated], Verify.Diagnostic().WithLocation(0).WithArguments("FaceProfile", "biometric"));
    }

    [Fact]
    public async Task StorageInAGeneratedCodeClass_OfAHandWrittenFile_IsNotReported()
    {
        var source = Geofence + """
            public class AppDb : DbContext { }

            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            public class GeofenceSeed
            {
                public void Seed(AppDb db) => db.Add(new GeofenceEvent());
            }
            """;

        await VerifyAsync([source]);
    }

    [Fact]
    public async Task Options_TypesVocabularyAndDeletionMethods()
    {
        var source = Geofence + """
            public class Invoice { public Guid Id { get; set; } }
            public class FaceProfile { public Guid Id { get; set; } }
            public class VoiceRecording { public Guid Id { get; set; } }
            public class Recording { public Guid Id { get; set; } }

            public static class Shredder { public static void Shred(object entity) { } }

            public class AppDb : DbContext
            {
                public DbSet<GeofenceEvent> GeofenceEvents => Set<GeofenceEvent>();
                public DbSet<Invoice> {|#0:Invoices|} => Set<Invoice>();
                public DbSet<FaceProfile> Faces => Set<FaceProfile>();
                public DbSet<VoiceRecording> VoiceRecordings => Set<VoiceRecording>();
                public DbSet<Recording> Recordings => Set<Recording>();

                public void Forget(VoiceRecording recording) => Shredder.Shred(recording);
            }
            """;

        await VerifyAsync(
            [source],
            """
            dotnet_code_quality.PRIV010.personal_data_types = T:Invoice|T:VoiceRecording
            dotnet_code_quality.Privacy.excluded_types = T:GeofenceEvent
            dotnet_code_quality.PRIV010.deletion_methods = M:Shredder.Shred
            dotnet_code_quality.PRIV011.personal_data_vocabulary = true
            dotnet_code_quality.PRIV010.personal_data_vocabulary = false
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("Invoice", "configured personal data type"));
    }

    [Fact]
    public async Task WithoutEntityFrameworkOrIdentity_TheRuleIsSilent()
    {
        var test = Verify.Test();
        test.TestCode = """
            public class GeofenceEvent { public double Latitude { get; set; } public double Longitude { get; set; } public System.Guid UserId { get; set; } }
            public class GeofenceStore { public void Save(GeofenceEvent e) { } }
            public class C { public void M(GeofenceStore s) => s.Save(new GeofenceEvent()); }
            """;
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.NetCoreOnly);

        await test.RunAsync();
    }
}
