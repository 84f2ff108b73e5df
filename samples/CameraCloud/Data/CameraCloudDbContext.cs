using CameraCloud.Models;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CameraCloud.Data;

public class CameraCloudDbContext : IdentityDbContext<CustomerAccount>
{
    public CameraCloudDbContext(DbContextOptions<CameraCloudDbContext> options)
        : base(options)
    {
    }

    public DbSet<Camera> Cameras => Set<Camera>();

    // Familiar faces, two-way talk, geofencing and household members (deletion-path rules PRIV010-PRIV012).
    public DbSet<FaceProfile> FaceProfiles => Set<FaceProfile>();
    public DbSet<TalkClip> TalkClips => Set<TalkClip>();
    public DbSet<TalkTranscript> TalkTranscripts => Set<TalkTranscript>();
    public DbSet<GeofenceEvent> GeofenceEvents => Set<GeofenceEvent>(); // PRIV010: precise location kept forever
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>(); // PRIV010: only ever soft-deleted

    // Camera recordings (recording access rules PRIV001-PRIV004).
    public DbSet<Recording> Recordings => Set<Recording>(); // PRIV010: camera clips pile up forever: nothing deletes a recording
}
