namespace CameraCloud.Models;

/// <summary>A clip a camera uploaded: motion events, doorbell rings, continuous recording segments.</summary>
public class Recording
{
    public Guid Id { get; set; }

    public Guid CameraId { get; set; }

    /// <summary>The household that owns the camera, and so the recording.</summary>
    public Guid HouseholdId { get; set; }

    /// <summary>Where the video file is stored on the media volume.</summary>
    public string FilePath { get; set; } = "";

    public string ContentType { get; set; } = "video/mp4";

    public DateTimeOffset CapturedAt { get; set; }

    public int DurationSeconds { get; set; }
}
