using CameraCloud.Data;
using CameraCloud.Models;
using Microsoft.AspNetCore.Mvc;

namespace CameraCloud.Controllers;

[ApiController]
[Route("api/talk")]
public class TalkController : ControllerBase
{
    private readonly CameraCloudDbContext db;
    private readonly string mediaRoot;

    public TalkController(CameraCloudDbContext db, IWebHostEnvironment environment)
    {
        this.db = db;
        this.mediaRoot = Path.Combine(environment.ContentRootPath, "media");
    }

    /// <summary>Deletes a talk clip and its audio, but not its transcript.</summary>
    [HttpDelete("clips/{id}")]
    public async Task<IActionResult> DeleteClip(Guid id)
    {
        var clip = await db.TalkClips.FindAsync(id);
        if (clip is null)
        {
            return NotFound();
        }

        db.TalkClips.Remove(clip); // PRIV012: the TalkTranscript rows keep what was said
        DeleteAudio(clip.AudioPath);
        await db.SaveChangesAsync();
        return NoContent();
    }

    [HttpDelete("transcripts/{id}")]
    public async Task<IActionResult> DeleteTranscript(Guid id)
    {
        var transcript = await db.TalkTranscripts.FindAsync(id);
        if (transcript is null)
        {
            return NotFound();
        }

        db.TalkTranscripts.Remove(transcript);
        await db.SaveChangesAsync();
        return NoContent();
    }

    private void DeleteAudio(string audioPath) => System.IO.File.Delete(Path.Combine(mediaRoot, audioPath));
}
