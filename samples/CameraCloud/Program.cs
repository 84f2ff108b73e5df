using System.Security.Claims;
using CameraCloud.Data;
using CameraCloud.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MaxMind.GeoIP2;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<CameraCloudDbContext>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("CameraCloud") ?? "Data Source=cameracloud.db"));

builder.Services
    .AddIdentity<CustomerAccount, IdentityRole>(options =>
    {
        // Support asked for fewer lockouts after a wave of "I forgot my password" tickets.
        options.Lockout.MaxFailedAccessAttempts = 50; // PRIV041: more than 10 attempts before lockout
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromSeconds(30); // PRIV041: lockout shorter than a minute
        options.Password.RequiredLength = 6; // PRIV041: passwords shorter than 8 characters
        options.Password.RequireNonAlphanumeric = false;
        options.SignIn.RequireConfirmedEmail = true;
    })
    .AddEntityFrameworkStores<CameraCloudDbContext>()
    .AddDefaultTokenProviders();

builder.Services.AddControllers();
builder.Services.AddAuthorization();

// GeoLite2 City database, for the sign-in activity page.
builder.Services.AddSingleton<IGeoIP2DatabaseReader>(_ => new DatabaseReader(builder.Configuration["GeoIP:CityDatabase"] ?? "GeoLite2-City.mmdb"));

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();

// The app's "latest clip" tile: signed-in customers only, and only their own household's clips.
var me = app.MapGroup("/api/me").RequireAuthorization();
me.MapGet("/recordings/latest", async (CameraCloudDbContext db, UserManager<CustomerAccount> users, ClaimsPrincipal user) =>
{
    var account = await users.GetUserAsync(user);
    var householdId = account?.HouseholdId ?? Guid.Empty;
    var latest = await db.Recordings
        .Where(r => r.HouseholdId == householdId)
        .OrderByDescending(r => r.CapturedAt)
        .FirstOrDefaultAsync();
    return latest is null ? Results.NotFound() : Results.File(latest.FilePath, latest.ContentType);
});

app.Run();
