// Stand-in for .NET MAUI's Microsoft.Maui.Devices.Sensors (Geolocation), which cannot be referenced on this
// build machine. Same namespaces, names and signatures as MAUI; the bodies only throw. See README.md here.
namespace Microsoft.Maui.Devices.Sensors;

public class Location
{
    public Location(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public double? Accuracy { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public static double CalculateDistance(Location locationStart, Location locationEnd, DistanceUnits units) =>
        throw new PlatformNotSupportedException();
}

public enum DistanceUnits
{
    Kilometers,
    Miles,
}

public enum GeolocationAccuracy
{
    Default,
    Lowest,
    Low,
    Medium,
    High,
    Best,
}

public class GeolocationRequest
{
    public GeolocationRequest()
    {
    }

    public GeolocationRequest(GeolocationAccuracy accuracy, TimeSpan timeout)
    {
    }
}

public class GeolocationListeningRequest
{
}

public class LocationEventArgs : EventArgs
{
    public LocationEventArgs(Location location) => Location = location;

    public Location Location { get; }
}

public interface IGeolocation
{
    bool IsListeningForeground { get; }

    event EventHandler<LocationEventArgs>? LocationChanged;

    Task<Location?> GetLastKnownLocationAsync();

    Task<Location?> GetLocationAsync(GeolocationRequest request, CancellationToken cancelToken);

    Task<bool> StartListeningForegroundAsync(GeolocationListeningRequest request);

    Task<bool> StopListeningForegroundAsync();
}

public static class Geolocation
{
    public static IGeolocation Default => throw new PlatformNotSupportedException();
}

public static class GeolocationExtensions
{
    public static Task<Location?> GetLocationAsync(this IGeolocation geolocation) => throw new PlatformNotSupportedException();

    public static Task<Location?> GetLocationAsync(this IGeolocation geolocation, GeolocationRequest request) => throw new PlatformNotSupportedException();
}
