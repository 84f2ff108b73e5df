namespace CameraCloud.Models;

/// <summary>
/// "Familiar faces": a person the household taught the cameras to recognise. The face embedding is biometric
/// data; the enrolment photo is kept on disk under <see cref="ImagePath"/>.
/// </summary>
public class FaceProfile
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public string Label { get; set; } = "";

    public float[] FaceEmbedding { get; set; } = [];

    public string ImagePath { get; set; } = "";
}
