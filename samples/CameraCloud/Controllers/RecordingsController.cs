using CameraCloud.Data;
using CameraCloud.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CameraCloud.Controllers;

/// <summary>What the mobile app calls to watch a household's clips.</summary>
[ApiController]
[Authorize]
[Route("api/recordings")]
public class RecordingsController : ControllerBase
{
    private readonly CameraCloudDbContext db;
    private readonly UserManager<CustomerAccount> userManager;

    public RecordingsController(CameraCloudDbContext db, UserManager<CustomerAccount> userManager)
    {
        this.db = db;
        this.userManager = userManager;
    }

    /// <summary>A customer downloads one of their household's clips: checked against the signed-in account.</summary>
    [HttpGet("{id:guid}/download")]
    public async Task<IActionResult> Download(Guid id)
    {
        var account = await userManager.GetUserAsync(User);
        var recording = await db.Recordings.FindAsync(id);
        if (account is null || recording is null || recording.HouseholdId != account.HouseholdId)
        {
            return NotFound();
        }

        return PhysicalFile(recording.FilePath, recording.ContentType);
    }

    /// <summary>The household's own clips, newest first.</summary>
    [HttpGet]
    public async Task<IActionResult> List()
    {
        var account = await userManager.GetUserAsync(User);
        var householdId = account?.HouseholdId ?? Guid.Empty;
        var clips = await db.Recordings
            .Where(r => r.HouseholdId == householdId)
            .OrderByDescending(r => r.CapturedAt)
            .Select(r => new { r.Id, r.CameraId, r.CapturedAt, r.DurationSeconds })
            .ToListAsync();
        return Ok(clips);
    }

    /// <summary>"Share a clip" links sent by text message: anyone with the link can watch.</summary>
    [AllowAnonymous]
    [HttpGet("shared/{id:guid}")]
    public async Task<IActionResult> Shared(Guid id) // PRIV001: [AllowAnonymous] serves any clip to anyone who guesses an id
    {
        var recording = await db.Recordings.FindAsync(id);
        return recording is null ? NotFound() : PhysicalFile(recording.FilePath, "video/mp4");
    }
}
