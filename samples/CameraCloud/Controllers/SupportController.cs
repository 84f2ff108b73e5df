using System.IO.Compression;
using CameraCloud.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CameraCloud.Controllers;

/// <summary>The support console used by employees and contractors.</summary>
[ApiController]
[Authorize(Roles = "Support")]
[Route("api/support")]
public class SupportController : ControllerBase
{
    private readonly CameraCloudDbContext db;

    public SupportController(CameraCloudDbContext db) => this.db = db;

    /// <summary>"Help me, my camera recorded something odd": support opens the clip by its id.</summary>
    [HttpGet("recordings/{id:guid}")]
    public async Task<IActionResult> GetRecording(Guid id) // PRIV002: the Support role alone opens every customer's clip
    {
        var recording = await db.Recordings.FindAsync(id);
        if (recording is null)
        {
            return NotFound();
        }

        return PhysicalFile(recording.FilePath, recording.ContentType);
    }

    /// <summary>Bulk export for "quality review": every clip of every customer in one archive.</summary>
    [HttpGet("recordings/export")]
    public async Task<IActionResult> ExportAll() // PRIV003: zips all customers' recordings, not filtered by anyone
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await foreach (var recording in db.Recordings.AsAsyncEnumerable())
            {
                archive.CreateEntryFromFile(recording.FilePath, $"{recording.HouseholdId}/{recording.Id}.mp4");
            }
        }

        buffer.Position = 0;
        return File(buffer, "application/zip", "recordings.zip");
    }
}
