using CameraCloud.Data;
using CameraCloud.Models;
using Microsoft.AspNetCore.Mvc;

namespace CameraCloud.Controllers;

public sealed record GeofenceReport(Guid HouseholdId, double Latitude, double Longitude, bool Entered);

[ApiController]
[Route("api/household")]
public class HouseholdController : ControllerBase
{
    private readonly CameraCloudDbContext db;
    private readonly ILogger<HouseholdController> logger;

    public HouseholdController(CameraCloudDbContext db, ILogger<HouseholdController> logger)
    {
        this.db = db;
        this.logger = logger;
    }

    /// <summary>The phone app reports geofence crossings; the cameras arm when everyone has left.</summary>
    [HttpPost("geofence")]
    public async Task<IActionResult> ReportGeofence(GeofenceReport report)
    {
        var crossing = new GeofenceEvent
        {
            Id = Guid.NewGuid(),
            HouseholdId = report.HouseholdId,
            Latitude = report.Latitude,
            Longitude = report.Longitude,
            Entered = report.Entered,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        db.GeofenceEvents.Add(crossing);
        await db.SaveChangesAsync();
        logger.LogInformation($"Household {crossing.HouseholdId} crossed the geofence at {crossing.Latitude},{crossing.Longitude}"); // PRIV021: a family member's coordinates end up in the server logs
        return Accepted();
    }

    [HttpPost("members")]
    public async Task<IActionResult> Invite(Guid householdId, string name, string email)
    {
        db.HouseholdMembers.Add(new HouseholdMember { Id = Guid.NewGuid(), HouseholdId = householdId, Name = name, Email = email });
        await db.SaveChangesAsync();
        return Ok();
    }

    /// <summary>Removes an invited member at their request.</summary>
    [HttpDelete("members/{id}")]
    public async Task<IActionResult> RemoveMember(Guid id)
    {
        var member = await db.HouseholdMembers.FindAsync(id);
        if (member is null)
        {
            return NotFound();
        }

        member.IsDeleted = true; // PRIV011: name and email stay stored, nothing purges them
        await db.SaveChangesAsync();
        return NoContent();
    }
}
