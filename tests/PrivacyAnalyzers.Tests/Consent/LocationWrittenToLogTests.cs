using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Analyzer = PrivacyAnalyzers.Consent.LocationWrittenToLogAnalyzer;
using Verify = PrivacyAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyAnalyzers.Consent.LocationWrittenToLogAnalyzer>;

namespace PrivacyAnalyzers.Tests.Consent;

/// <summary>PRIV021: precise location written to logs.</summary>
public sealed class LocationWrittenToLogTests
{
    private const string Usings = """
        using System;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using MaxMind.GeoIP2.Responses;
        using Microsoft.Extensions.Logging;
        using Microsoft.Maui.Devices.Sensors;

        """;

    private static Task VerifyAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected) =>
        ConsentTest.VerifyAsync<Analyzer>(Usings + source, editorConfig, expected);

    [Fact]
    public async Task City_IsNotFlagged_CoordinatesInAnInterpolatedString_Are()
    {
        await VerifyAsync("""
            public class VisitLogger
            {
                private readonly ILogger<VisitLogger> logger;
                public VisitLogger(ILogger<VisitLogger> logger) => this.logger = logger;

                public void Record(CityResponse city, Location location)
                {
                    logger.LogInformation($"Visit from {city.City.Name}, {city.Country.Name} ({city.Country.IsoCode})");
                    logger.LogInformation("Visit from {City}", city.City.Name);
                    {|#0:logger.LogInformation($"Visit at {location.Latitude},{location.Longitude}")|};
                    {|#1:logger.LogInformation($"Visit from {city.City.Name} at {city.Location.Latitude:F5}")|};
                }
            }
            """,
            expected: new[]
            {
                Verify.Diagnostic().WithLocation(0).WithArguments("ILogger.LogInformation", "Location.Latitude"),
                Verify.Diagnostic().WithLocation(1).WithArguments("ILogger.LogInformation", "Location.Latitude"),
            });
    }

    [Fact]
    public async Task StructuredArguments_Concatenation_LocalsAndWholeObjects_AreFlagged()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public void Log(ILogger logger, Location location, CityResponse response)
                {
                    [|logger.LogDebug("Child at {Lat} {Lon}", location.Latitude, location.Longitude)|];
                    [|logger.LogWarning("Child at " + location.Longitude)|];
                    [|logger.Log(LogLevel.Information, "Child at {Location}", location)|];
                    [|logger.LogInformation("Lookup {@Where}", response.Location)|];
                    var latitude = location.Latitude;
                    [|logger.LogTrace("lat={Lat}", latitude)|];
                    var text = location.ToString();
                    [|logger.LogError(new Exception("x"), "at {Where}", text)|];
                    [|logger.LogInformation("at {Where}", string.Format("{0:F4}", location.Longitude))|];
                    [|logger.LogInformation("at {Where}", new { location.Latitude, location.Longitude })|];
                    using var scope = [|logger.BeginScope("at {Lat}", location.Latitude)|];
                }
            }
            """);
    }

    [Fact]
    public async Task OtherLocationFacts_AndNonLogSinks_AreNotFlagged()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public void Log(ILogger logger, Location location, CityResponse response, System.Text.StringBuilder report)
                {
                    logger.LogInformation("Accuracy {Accuracy} m at {Time}", location.Accuracy, location.Timestamp);
                    logger.LogInformation("Radius {Radius} km, time zone {Zone}", response.Location.AccuracyRadius, response.Location.TimeZone);
                    logger.LogInformation("Postal code {Postal}", response.Postal.Code);
                    report.Append(location.Latitude);
                    var distance = Location.CalculateDistance(location, new Location(0, 0), DistanceUnits.Kilometers);
                    logger.LogInformation("Moved {Distance} km", distance);
                    logger.LogInformation("Rounded to a town: {Lat}", Math.Round(location.Latitude, 1));
                }
            }
            """);
    }

    [Fact]
    public async Task ConsoleDebugTraceAndTraceSource_AreSinks()
    {
        await VerifyAsync("""
            public class Tracker
            {
                private static readonly TraceSource Source = new TraceSource("tracker");

                public void Print(Location location, Windows.Devices.Geolocation.Geoposition position, System.Device.Location.GeoCoordinate coordinate)
                {
                    [|Console.WriteLine(location)|];
                    [|Console.Write("{0},{1}", location.Latitude, location.Longitude)|];
                    [|Debug.WriteLine($"pos {position.Coordinate.Point.Position.Latitude}")|];
                    [|Debug.WriteLine(position.Coordinate)|];
                    [|Trace.TraceInformation("at {0}", coordinate.Latitude)|];
                    [|Trace.WriteLine(coordinate)|];
                    [|Source.TraceEvent(TraceEventType.Information, 1, "at {0}", coordinate)|];
                    Console.WriteLine(position.CivicAddress.City);
                    Debug.WriteLine("located");
                }
            }
            """);
    }

    [Fact]
    public async Task MembersOfSinkTypesThatWriteNothing_AreNotSinks()
    {
        // Only the writing methods of Console, Debug, Trace and TraceSource are sinks: a cursor position or a subclass's
        // own method writes nothing to a log.
        await VerifyAsync("""
            public class TrackerSource : TraceSource
            {
                public TrackerSource() : base("tracker") { }

                public void Remember(double latitude, double longitude) { }
            }

            public class Tracker
            {
                private static readonly TrackerSource Source = new TrackerSource();

                public void Place(Location location)
                {
                    Console.SetCursorPosition((int)location.Latitude, (int)location.Longitude);
                    Source.Remember(location.Latitude, location.Longitude);
                    [|Source.TraceInformation("at {0}", location.Latitude)|];
                }
            }
            """);
    }

    [Fact]
    public async Task AndroidAndAppleLocations_AreLocationsToo()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public void Print(ILogger logger, Android.Locations.Location android, CoreLocation.CLLocation apple, Xamarin.Essentials.Location xamarin)
                {
                    [|logger.LogInformation("{Lat}", android.Latitude)|];
                    [|logger.LogInformation("{Lat}", apple.Coordinate.Latitude)|];
                    [|logger.LogInformation("{Where}", apple.Coordinate)|];
                    [|logger.LogInformation("{Lon}", xamarin.Longitude)|];
                }
            }
            """);
    }

    [Fact]
    public async Task LoggerMessageMethods_AreSinks_UnlessTheParameterIsClassified()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PreciseLocationAttribute : DataClassificationAttribute
            {
                public PreciseLocationAttribute() : base(new DataClassification("Privacy", "PreciseLocation")) { }
            }

            public static partial class Log
            {
                [LoggerMessage(Level = LogLevel.Information, Message = "Child at {Latitude},{Longitude}")]
                public static partial void ChildLocated(ILogger logger, double latitude, double longitude);

                [LoggerMessage(Level = LogLevel.Information, Message = "Child at {Latitude},{Longitude}")]
                public static partial void ChildLocatedRedacted(ILogger logger, [PreciseLocation] double latitude, [PreciseLocation] double longitude);

                [LoggerMessage(Level = LogLevel.Information, Message = "Child in {City}")]
                public static partial void ChildInCity(ILogger logger, string city);

                public static partial void ChildLocated(ILogger logger, double latitude, double longitude) { }
                public static partial void ChildLocatedRedacted(ILogger logger, double latitude, double longitude) { }
                public static partial void ChildInCity(ILogger logger, string city) { }
            }

            public class Tracker
            {
                private static readonly Action<ILogger, double, double, Exception?> Located =
                    LoggerMessage.Define<double, double>(LogLevel.Information, new EventId(7), "Child at {Latitude},{Longitude}");

                public void Report(ILogger logger, Location location, CityResponse city)
                {
                    [|Log.ChildLocated(logger, location.Latitude, location.Longitude)|];
                    Log.ChildLocatedRedacted(logger, location.Latitude, location.Longitude);
                    Log.ChildInCity(logger, city.City.Name!);
                    [|Located(logger, location.Latitude, location.Longitude, null)|];
                }
            }
            """);
    }

    [Fact]
    public async Task ConfiguredLocationMembers_AreFlagged()
    {
        const string Source = """
            namespace App
            {
                public class Camera
                {
                    public double InstallLatitude { get; set; }
                    public string Room { get; set; } = "";
                }

                public class Audit
                {
                    public void Write(ILogger logger, Camera camera)
                    {
                        {|#0:logger.LogInformation("Camera at {Lat} in {Room}", camera.InstallLatitude, camera.Room)|};
                    }
                }
            }
            """;

        await VerifyAsync(Source);
        await VerifyAsync(
            Source,
            "dotnet_code_quality.PRIV021.location_members = P:App.Camera.InstallLatitude",
            Verify.Diagnostic().WithLocation(0).WithArguments("ILogger.LogInformation", "Camera.InstallLatitude"));
    }

    private const string AppEntities = """
        namespace App
        {
            /// <summary>A household member's phone crossing the home geofence: the person's precise location.</summary>
            public class GeofenceEvent
            {
                public System.Guid HouseholdId { get; set; }
                public double Latitude { get; set; }
                public double Longitude { get; set; }
                public string City { get; set; } = "";
                public bool Entered { get; set; }
            }

            /// <summary>Coordinates next to a person's id, names shortened.</summary>
            public class CheckIn
            {
                public System.Guid UserId { get; set; }
                public double Lat;
                public double Lng;
            }

            /// <summary>Coordinates inherited from a base class without a person: still the entity's.</summary>
            public abstract class Pinned
            {
                public double Latitude { get; set; }
                public double Longitude { get; set; }
            }

            public class LocationHistory : Pinned
            {
                public System.Guid OwnerId { get; set; }
            }

            /// <summary>A store's configuration: a look-alike, not a person's location.</summary>
            public class LocationSettings
            {
                public double Latitude { get; set; }
                public double Longitude { get; set; }
            }

            /// <summary>Coordinates with no person: a place, not where someone is.</summary>
            public class Venue
            {
                public string Name { get; set; } = "";
                public double Latitude { get; set; }
                public double Longitude { get; set; }
            }
        }

        """;

    [Fact]
    public async Task CoordinatesOfAPersonalDataEntity_AreFlagged_ItsCityIsNot()
    {
        await VerifyAsync(AppEntities + """
            public class GeofenceLog
            {
                public void Write(ILogger logger, App.GeofenceEvent crossing, App.CheckIn checkIn, App.LocationHistory history)
                {
                    {|#0:logger.LogInformation($"Geofence crossed at {crossing.Latitude},{crossing.Longitude}")|};
                    logger.LogInformation($"Geofence crossed in {crossing.City}, entered: {crossing.Entered}");
                    logger.LogInformation("Household {Household} crossed in {City}", crossing.HouseholdId, crossing.City);
                    {|#1:logger.LogDebug("Check-in at {Lat}", checkIn.Lat)|};
                    {|#2:Console.WriteLine("at " + history.Longitude)|};
                }
            }
            """,
            expected: new[]
            {
                Verify.Diagnostic().WithLocation(0).WithArguments("ILogger.LogInformation", "GeofenceEvent.Latitude"),
                Verify.Diagnostic().WithLocation(1).WithArguments("ILogger.LogDebug", "CheckIn.Lat"),
                Verify.Diagnostic().WithLocation(2).WithArguments("Console.WriteLine", "Pinned.Longitude"),
            });
    }

    [Fact]
    public async Task CoordinatesOfLookAlikesAndPlaces_AreNotFlagged()
    {
        await VerifyAsync(AppEntities + """
            public class StoreLog
            {
                public void Write(ILogger logger, App.LocationSettings settings, App.Venue venue)
                {
                    logger.LogInformation($"Store configured at {settings.Latitude},{settings.Longitude}");
                    logger.LogInformation("Venue {Name} at {Lat},{Lon}", venue.Name, venue.Latitude, venue.Longitude);
                }
            }
            """);
    }

    private const string ConfiguredEntities = """
        namespace App
        {
            public class GeofenceEvent
            {
                public System.Guid HouseholdId { get; set; }
                public double Latitude { get; set; }
                public double Longitude { get; set; }
            }

            public class Delivery
            {
                public double Latitude { get; set; }
                public double Longitude { get; set; }
            }

            public class Tracker
            {
                public void Write(ILogger logger, GeofenceEvent crossing, Delivery delivery)
                {
                    {|#0:logger.LogInformation("Crossed at {Lat}", crossing.Latitude)|};
                    {|#1:logger.LogInformation("Delivered at {Lat}", delivery.Latitude)|};
                }
            }
        }
        """;

    [Fact]
    public async Task ExcludedAndPersonalDataTypes_AreReadUnderThePRIV021Key()
    {
        var crossing = Verify.Diagnostic().WithLocation(0).WithArguments("ILogger.LogInformation", "GeofenceEvent.Latitude");
        var delivery = Verify.Diagnostic().WithLocation(1).WithArguments("ILogger.LogInformation", "Delivery.Latitude");

        await VerifyAsync(ConfiguredEntities, expected: crossing);
        await VerifyAsync(ConfiguredEntities, "dotnet_code_quality.PRIV021.excluded_types = T:App.GeofenceEvent");
        await VerifyAsync(ConfiguredEntities, "dotnet_code_quality.PRIV021.personal_data_types = T:App.Delivery", crossing, delivery);

        // The deletion rules' keys are theirs: they do not change what PRIV021 reports.
        await VerifyAsync(ConfiguredEntities, "dotnet_code_quality.PRIV010.excluded_types = T:App.GeofenceEvent", crossing);
    }

    [Fact]
    public async Task WithoutTheVocabulary_OnlyLabelledEntitiesAreFlagged()
    {
        const string Source = """
            using Microsoft.AspNetCore.Identity;

            namespace App
            {
                public class GeofenceEvent
                {
                    public System.Guid HouseholdId { get; set; }
                    public double Latitude { get; set; }
                    public double Longitude { get; set; }
                }

                public class MemberHome
                {
                    [PersonalData] public string Name { get; set; } = "";
                    public double HomeLatitude { get; set; }
                }

                public class Tracker
                {
                    public void Write(ILogger logger, GeofenceEvent crossing, MemberHome home)
                    {
                        {|#0:logger.LogInformation("Crossed at {Lat}", crossing.Latitude)|};
                        {|#1:logger.LogInformation("Home at {Lat}", home.HomeLatitude)|};
                    }
                }
            }
            """;
        var home = Verify.Diagnostic().WithLocation(1).WithArguments("ILogger.LogInformation", "MemberHome.HomeLatitude");

        await VerifyAsync(Source, expected: new[] { Verify.Diagnostic().WithLocation(0).WithArguments("ILogger.LogInformation", "GeofenceEvent.Latitude"), home });
        await VerifyAsync(Source, "dotnet_code_quality.PRIV021.personal_data_vocabulary = false", home);
    }
}
