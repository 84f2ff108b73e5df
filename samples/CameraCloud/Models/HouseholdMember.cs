using Microsoft.AspNetCore.Identity;

namespace CameraCloud.Models;

/// <summary>Someone the account owner invited to watch the household's cameras.</summary>
public class HouseholdMember
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    [PersonalData]
    public string Name { get; set; } = "";

    [PersonalData]
    public string Email { get; set; } = "";

    public bool IsDeleted { get; set; }
}
