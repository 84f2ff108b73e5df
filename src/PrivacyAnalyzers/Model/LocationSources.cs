using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// The APIs that collect a precise location (PRIV020), matched by symbol with every overload: the device
/// location APIs of MAUI, Xamarin.Essentials, WinRT, .NET Framework, Android and iOS, and IP geolocation
/// of a web client with MaxMind GeoIP2 (city-level or finer, applied to the client's address). Country-level
/// lookups are coarse and not sources. Teams add their own wrappers with <c>location_sources</c>.
/// </summary>
internal sealed class LocationSources : ICollectionSources
{
    private const string DeviceLocation = "the device's precise location";
    private const string LocationUpdates = "location updates";
    private const string ClientLocation = "a client's location from its IP address";
    private const string ConfiguredLocation = "precise location";

    private static readonly ApiMembers[] DeviceApis =
    {
        new(WellKnownTypeNames.MauiGeolocation, "GetLocationAsync", "GetLastKnownLocationAsync", "StartListeningForegroundAsync"),
        new(WellKnownTypeNames.MauiIGeolocation, "GetLocationAsync", "GetLastKnownLocationAsync", "StartListeningForegroundAsync"),
        new(WellKnownTypeNames.MauiGeolocationExtensions, "GetLocationAsync"),
        new(WellKnownTypeNames.XamarinGeolocation, "GetLocationAsync", "GetLastKnownLocationAsync"),
        new(WellKnownTypeNames.WindowsGeolocator, "GetGeopositionAsync", "PositionChanged"),
        new(WellKnownTypeNames.DeviceGeoCoordinateWatcher, "Start", "TryStart"),
        new(WellKnownTypeNames.AndroidLocationManager, "RequestLocationUpdates", "GetLastKnownLocation"),
        new(WellKnownTypeNames.AndroidFusedLocationProviderClient, "GetLastLocationAsync", "RequestLocationUpdatesAsync"),
        new(WellKnownTypeNames.AppleLocationManager, "StartUpdatingLocation", "StartMonitoringSignificantLocationChanges"),
    };

    private static readonly ApiMembers[] IpLookupApis =
    {
        new(WellKnownTypeNames.MaxMindIProvider, "City"),
        new(WellKnownTypeNames.MaxMindDatabaseReader, "City", "TryCity", "Enterprise", "TryEnterprise"),
        new(WellKnownTypeNames.MaxMindIDatabaseReader, "City", "TryCity", "Enterprise", "TryEnterprise"),
        new(WellKnownTypeNames.MaxMindWebServiceClient, "City", "CityAsync", "Insights", "InsightsAsync"),
        new(WellKnownTypeNames.MaxMindIWebServicesClient, "City", "CityAsync", "Insights", "InsightsAsync"),
    };

    private readonly ApiMemberSet device;
    private readonly ApiMemberSet ipLookups;
    private readonly ClientAddresses clientAddresses;

    private LocationSources(ApiMemberSet device, ApiMemberSet ipLookups, ClientAddresses clientAddresses)
    {
        this.device = device;
        this.ipLookups = ipLookups;
        this.clientAddresses = clientAddresses;
    }

    public bool HasBuiltInApis => !this.device.IsEmpty || !this.ipLookups.IsEmpty;

    public static LocationSources For(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        var ipLookups = ApiMemberSet.Create(types, IpLookupApis);
        return new LocationSources(
            ApiMemberSet.Create(types, DeviceApis),
            ipLookups,
            ClientAddresses.For(compilation));
    }

    public CollectionSource? Match(IOperation operation, SymbolSet configured, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (this.device.Contains(method))
                {
                    return new CollectionSource(operation, CollectionSource.DisplayName(method), DeviceLocation);
                }

                if (configured.Contains(method))
                {
                    return new CollectionSource(operation, CollectionSource.DisplayName(method), ConfiguredLocation);
                }

                // MaxMind: the address is always the first parameter; City() without one looks up the server itself.
                if (this.ipLookups.Contains(method) && FirstArgument(invocation) is { } address &&
                    this.clientAddresses.IsClientAddress(address.Value, cancellationToken))
                {
                    return new CollectionSource(operation, CollectionSource.DisplayName(method), ClientLocation);
                }

                return null;

            case IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation reference }:
                return this.device.Contains(reference.Event) || configured.Contains(reference.Event)
                    ? new CollectionSource(operation, CollectionSource.DisplayName(reference.Event), LocationUpdates)
                    : null;

            case IPropertyReferenceOperation property when configured.Contains(property.Property):
                return new CollectionSource(operation, CollectionSource.DisplayName(property.Property), ConfiguredLocation);

            default:
                return null;
        }
    }

    private static IArgumentOperation? FirstArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 })
            {
                return argument;
            }
        }

        return null;
    }
}
