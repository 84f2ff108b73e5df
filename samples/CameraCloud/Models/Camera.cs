namespace CameraCloud.Models;

public class Camera
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public string Name { get; set; } = "";

    public string Room { get; set; } = "";
}
