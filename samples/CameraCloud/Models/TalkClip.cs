namespace CameraCloud.Models;

/// <summary>A two-way talk session through a camera's speaker and microphone; the audio is kept on disk.</summary>
public class TalkClip
{
    public Guid Id { get; set; }

    public Guid CameraId { get; set; }

    public Guid HouseholdId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public string AudioPath { get; set; } = "";
}

/// <summary>
/// The speech-to-text transcript of a talk clip. It refers to its clip only by key (no navigation), so EF Core
/// knows no relationship and nothing cascades when the clip is deleted.
/// </summary>
public class TalkTranscript
{
    public Guid Id { get; set; }

    public Guid TalkClipId { get; set; }

    public string Text { get; set; } = "";
}
