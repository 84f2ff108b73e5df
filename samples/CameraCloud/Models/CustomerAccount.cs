using Microsoft.AspNetCore.Identity;

namespace CameraCloud.Models;

/// <summary>A customer of the camera service: owns a household and its cameras.</summary>
public class CustomerAccount : IdentityUser
{
    public Guid HouseholdId { get; set; }

    [PersonalData]
    public string DisplayName { get; set; } = "";
}
