using CameraCloud.Data;
using CameraCloud.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CameraCloud.Controllers;

public sealed record FaceEnrolment(Guid HouseholdId, string Label, float[] FaceEmbedding, string ImagePath);

[ApiController]
[Route("api/faces")]
public class FamiliarFacesController : ControllerBase
{
    private readonly CameraCloudDbContext db;
    private readonly string mediaRoot;

    public FamiliarFacesController(CameraCloudDbContext db, IWebHostEnvironment environment)
    {
        this.db = db;
        this.mediaRoot = Path.Combine(environment.ContentRootPath, "media");
    }

    [HttpPost]
    public async Task<IActionResult> Enrol(FaceEnrolment request)
    {
        var face = new FaceProfile
        {
            Id = Guid.NewGuid(),
            HouseholdId = request.HouseholdId,
            Label = request.Label,
            FaceEmbedding = request.FaceEmbedding,
            ImagePath = request.ImagePath,
        };
        db.FaceProfiles.Add(face);
        await db.SaveChangesAsync();
        return Ok(face.Id);
    }

    /// <summary>Forget one face: the row and the enrolment photo go together.</summary>
    [HttpDelete("{id}")]
    public async Task<IActionResult> Forget(Guid id)
    {
        var face = await db.FaceProfiles.FindAsync(id);
        if (face is null)
        {
            return NotFound();
        }

        db.FaceProfiles.Remove(face);
        DeleteImage(face.ImagePath);
        await db.SaveChangesAsync();
        return NoContent();
    }

    /// <summary>"Forget everyone": a bulk delete that forgets the photos on disk.</summary>
    [HttpDelete("household/{householdId}")]
    public async Task<IActionResult> ForgetHousehold(Guid householdId)
    {
        await db.FaceProfiles.Where(f => f.HouseholdId == householdId).ExecuteDeleteAsync(); // PRIV012: the enrolment photos stay on disk
        return NoContent();
    }

    private void DeleteImage(string imagePath) => System.IO.File.Delete(Path.Combine(mediaRoot, imagePath));
}
