using CameraCloud.Companion.Consent;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Devices.Sensors;

namespace CameraCloud.Companion.AwayMode;

/// <summary>
/// Away mode: the household's cameras arm themselves when the owner's phone leaves home and disarm when it
/// comes back, by comparing the phone's location with the home geofence.
/// </summary>
public sealed class GeofencedAwayMode
{
    private const double HomeRadiusKilometers = 0.2;

    private readonly IGeolocation geolocation;
    private readonly IOwnerConsents consents;
    private readonly ILogger<GeofencedAwayMode> logger;
    private readonly Location home;

    public GeofencedAwayMode(IGeolocation geolocation, IOwnerConsents consents, ILogger<GeofencedAwayMode> logger, Location home)
    {
        this.geolocation = geolocation;
        this.consents = consents;
        this.logger = logger;
        this.home = home;
    }

    /// <summary>The away-mode switch on the settings page: reads the location only once the owner agreed.</summary>
    public async Task<bool?> IsAwayAsync()
    {
        if (!await consents.HasLocationConsentAsync())
        {
            return null;
        }

        var request = new GeolocationRequest(GeolocationAccuracy.Medium, TimeSpan.FromSeconds(10));
        var here = await geolocation.GetLocationAsync(request);
        return here is null ? null : Location.CalculateDistance(home, here, DistanceUnits.Kilometers) > HomeRadiusKilometers;
    }

    /// <summary>The background refresh, every 15 minutes, to re-arm the cameras.</summary>
    public async Task RefreshAsync()
    {
        var here = await geolocation.GetLastKnownLocationAsync(); // PRIV020: the background refresh reads the location without checking the owner's consent
        if (here is null)
        {
            return;
        }

        logger.LogInformation("Away-mode check at {Latitude},{Longitude}", here.Latitude, here.Longitude); // PRIV021: the owner's coordinates end up in the app's logs
        var away = Location.CalculateDistance(home, here, DistanceUnits.Kilometers) > HomeRadiusKilometers;
        logger.LogInformation("Owner is {State}, fix accuracy {Accuracy} m", away ? "away" : "home", here.Accuracy);
    }
}
