using CameraCloud.Data;
using CameraCloud.Models;

namespace CameraCloud.Services;

/// <summary>Stores a finished two-way talk session and its transcript.</summary>
public class TalkRecorder
{
    private readonly CameraCloudDbContext db;

    public TalkRecorder(CameraCloudDbContext db) => this.db = db;

    public async Task SaveAsync(TalkClip clip, string transcript)
    {
        db.TalkClips.Add(clip);
        db.TalkTranscripts.Add(new TalkTranscript { Id = Guid.NewGuid(), TalkClipId = clip.Id, Text = transcript });
        await db.SaveChangesAsync();
    }
}
