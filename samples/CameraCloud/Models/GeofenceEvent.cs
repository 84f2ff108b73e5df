namespace CameraCloud.Models;

/// <summary>A household member's phone entering or leaving the home geofence (arms and disarms the cameras).</summary>
public class GeofenceEvent
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public bool Entered { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}
