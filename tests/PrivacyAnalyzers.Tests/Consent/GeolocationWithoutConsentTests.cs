using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Analyzer = PrivacyAnalyzers.Consent.GeolocationWithoutConsentAnalyzer;
using Fixer = PrivacyAnalyzers.CodeFixes.Consent.GeolocationWithoutConsentFixer;
using Verify = PrivacyAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PrivacyAnalyzers.Consent.GeolocationWithoutConsentAnalyzer>;

namespace PrivacyAnalyzers.Tests.Consent;

/// <summary>PRIV020: geolocation collected without a consent check (device APIs; IP geolocation is in <see cref="IpGeolocationTests"/>).</summary>
public sealed class GeolocationWithoutConsentTests
{
    internal const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Maui.ApplicationModel;
        using Microsoft.Maui.Devices.Sensors;

        """;

    /// <summary>Appended after each test's code, so that a test can add using directives at its top.</summary>
    internal const string Declarations = """

        public interface IParentalConsents
        {
            Task<bool> HasParentalConsentAsync(Guid childId);
            bool HasConsent(Guid childId);
            ConsentStatus GetConsentStatus(Guid childId);
            bool IsConsentRevoked(Guid childId);
            bool RequiresConsent(Guid childId);
            bool MayTrack(Guid childId);
            void EnsureParentalConsent(Guid childId);
            Task RequireConsentAsync(Guid childId);
            void RecordConsent(Guid childId);
            void Gate(Guid childId);
        }

        public enum ConsentStatus { Unknown, Denied, Granted }

        """;

    private static Task VerifyAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected) =>
        ConsentTest.VerifyAsync<Analyzer>(Usings + source + Declarations, editorConfig, expected);

    [Fact]
    public async Task EveryMauiLocationApi_WithoutAnyCheck_IsFlagged()
    {
        await VerifyAsync("""
            public class Tracker
            {
                private readonly IGeolocation geolocation;
                public Tracker(IGeolocation geolocation) => this.geolocation = geolocation;

                public async Task Track()
                {
                    var a = await {|#0:Geolocation.GetLocationAsync()|};
                    var b = await {|#1:Geolocation.GetLastKnownLocationAsync()|};
                    var c = await {|#2:Geolocation.Default.GetLocationAsync(new GeolocationRequest(GeolocationAccuracy.Best))|};
                    var d = await {|#3:geolocation.GetLocationAsync(new GeolocationRequest(), default)|};
                    await {|#4:geolocation.StartListeningForegroundAsync(new GeolocationListeningRequest())|};
                    await geolocation.StopListeningForegroundAsync();
                    var e = Location.CalculateDistance(a!, b!, DistanceUnits.Kilometers);
                }
            }
            """,
            expected: new[]
            {
                Verify.Diagnostic().WithLocation(0).WithArguments("Geolocation.GetLocationAsync", "the device's precise location"),
                Verify.Diagnostic().WithLocation(1).WithArguments("Geolocation.GetLastKnownLocationAsync", "the device's precise location"),
                Verify.Diagnostic().WithLocation(2).WithArguments("IGeolocation.GetLocationAsync", "the device's precise location"),
                Verify.Diagnostic().WithLocation(3).WithArguments("IGeolocation.GetLocationAsync", "the device's precise location"),
                Verify.Diagnostic().WithLocation(4).WithArguments("IGeolocation.StartListeningForegroundAsync", "the device's precise location"),
            });
    }

    [Fact]
    public async Task GuardClauseTwoStatementsAbove_IsAGuard()
    {
        await VerifyAsync("""
            public class Tracker
            {
                private readonly IParentalConsents consents;
                public Tracker(IParentalConsents consents) => this.consents = consents;

                public async Task<Location?> Locate(Guid childId)
                {
                    if (!await consents.HasParentalConsentAsync(childId))
                    {
                        return null;
                    }

                    var request = new GeolocationRequest(GeolocationAccuracy.Medium, TimeSpan.FromSeconds(10));
                    Console.WriteLine("locating");
                    return await Geolocation.GetLocationAsync(request);
                }

                public async Task<Location?> Throws(Guid childId)
                {
                    if (!consents.HasConsent(childId)) throw new InvalidOperationException("no consent");
                    var request = new GeolocationRequest();
                    return await Geolocation.GetLocationAsync(request);
                }

                public async Task<Location?> InsideTheIf(Guid childId)
                {
                    if (await consents.HasParentalConsentAsync(childId) == true)
                    {
                        return await Geolocation.GetLocationAsync();
                    }

                    return null;
                }

                public async Task<Location?> WithoutTheGuard(Guid childId)
                {
                    var request = new GeolocationRequest(GeolocationAccuracy.Medium, TimeSpan.FromSeconds(10));
                    Console.WriteLine("locating");
                    return await [|Geolocation.GetLocationAsync(request)|];
                }
            }
            """);
    }

    [Fact]
    public async Task ConsentViaHelperMethod_IsAGuard_InThisFileAndInAnother()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    Usings + Declarations + """
                        public partial class Tracker
                        {
                            private readonly IParentalConsents consents;
                            private bool enabled;
                            public Tracker(IParentalConsents consents) => this.consents = consents;

                            private async Task<bool> MayLocateAsync(Guid childId)
                            {
                                if (!enabled) return false;
                                return await consents.HasParentalConsentAsync(childId);
                            }

                            private bool CanTrack(Guid childId) => enabled && consents.HasConsent(childId);

                            private bool IsEnabled() => enabled;

                            private Guid child;

                            private bool MayShare => consents.HasConsent(child);

                            public async Task Share()
                            {
                                if (MayShare) await Geolocation.GetLocationAsync();
                            }

                            public async Task Locate(Guid childId)
                            {
                                if (!await MayLocateAsync(childId)) return;
                                await Geolocation.GetLocationAsync();
                            }

                            public async Task Track(Guid childId)
                            {
                                if (CanTrack(childId)) await Geolocation.GetLocationAsync();
                                if (MayTrackElsewhere(childId)) await Geolocation.GetLocationAsync();
                                if (IsEnabled()) await {|#0:Geolocation.GetLocationAsync()|};
                            }
                        }
                        """,
                    """
                        public partial class Tracker
                        {
                            private bool MayTrackElsewhere(System.Guid childId)
                            {
                                if (!enabled) { return false; }
                                return consents.HasConsent(childId);
                            }
                        }
                        """,
                },
            },
            ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("Geolocation.GetLocationAsync", "the device's precise location") },
        };
        foreach (var stub in PlatformStubs.All)
        {
            test.TestState.Sources.Add(stub);
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task PermissionRequestedAndComparedWithGranted_IsAGuard()
    {
        await VerifyAsync("""
            public static class LocationFetcher
            {
                public static async Task<Location?> GetCurrentLocation()
                {
                    var status = await Permissions.CheckStatusAsync<Permissions.LocationWhenInUse>();
                    if (status != PermissionStatus.Granted)
                    {
                        status = await Permissions.RequestAsync<Permissions.LocationWhenInUse>();
                        if (status != PermissionStatus.Granted)
                        {
                            return null;
                        }
                    }

                    return await Geolocation.GetLocationAsync(new GeolocationRequest(GeolocationAccuracy.Best));
                }

                public static async Task<Location?> Always()
                {
                    if (await Permissions.RequestAsync<Permissions.LocationAlways>() is PermissionStatus.Granted)
                    {
                        return await Geolocation.GetLastKnownLocationAsync();
                    }

                    return null;
                }

                public static async Task<Location?> ViaPermissionObject()
                {
                    var permission = new Permissions.LocationWhenInUse();
                    switch (await permission.RequestAsync())
                    {
                        case PermissionStatus.Granted:
                            return await Geolocation.GetLocationAsync();
                        default:
                            return null;
                    }
                }

                public static async Task<bool> EnsurePermissionAsync()
                {
                    var status = await Permissions.CheckStatusAsync<Permissions.LocationWhenInUse>();
                    if (status != PermissionStatus.Granted)
                    {
                        status = await Permissions.RequestAsync<Permissions.LocationWhenInUse>();
                    }

                    return status == PermissionStatus.Granted;
                }

                public static async Task<Location?> ViaHelper() =>
                    await EnsurePermissionAsync() ? await Geolocation.GetLocationAsync() : null;

                public static async Task<Location?> ViaHelperIgnored()
                {
                    await EnsurePermissionAsync();
                    return await [|Geolocation.GetLocationAsync()|];
                }
            }
            """);
    }

    [Fact]
    public async Task PermissionRequestedButResultIgnored_IsFlagged()
    {
        await VerifyAsync("""
            public static class LocationFetcher
            {
                public static async Task<Location?> GetCurrentLocation()
                {
                    await Permissions.RequestAsync<Permissions.LocationWhenInUse>();
                    var status = await Permissions.CheckStatusAsync<Permissions.LocationWhenInUse>();
                    return await [|Geolocation.GetLocationAsync()|];
                }
            }
            """);
    }

    [Fact]
    public async Task WrongPermissionOrWrongValue_IsNotAGuard()
    {
        await VerifyAsync("""
            public static class LocationFetcher
            {
                public static async Task<Location?> Microphone()
                {
                    if (await Permissions.RequestAsync<Permissions.Microphone>() != PermissionStatus.Granted) return null;
                    return await [|Geolocation.GetLocationAsync()|];
                }

                public static async Task<Location?> NotDenied()
                {
                    if (await Permissions.RequestAsync<Permissions.LocationWhenInUse>() == PermissionStatus.Denied) return null;
                    return await [|Geolocation.GetLocationAsync()|];
                }

                public static async Task<Location?> Limited()
                {
                    var status = PermissionStatus.Granted;
                    if (DateTime.Now.Hour > 8) status = await Permissions.RequestAsync<Permissions.LocationWhenInUse>();
                    if (status != PermissionStatus.Granted) return null;
                    return await [|Geolocation.GetLocationAsync()|];
                }
            }
            """);
    }

    [Fact]
    public async Task ConsentCheckedAfterTheCall_IsFlagged()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public async Task<Location?> Locate(IParentalConsents consents, Guid childId)
                {
                    var location = await [|Geolocation.GetLocationAsync()|];
                    if (!consents.HasConsent(childId))
                    {
                        return null;
                    }

                    return location;
                }
            }
            """);
    }

    [Fact]
    public async Task ConsentOnOneBranchOnly_IsFlagged()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public async Task Locate(IParentalConsents consents, Guid childId, bool fromSettingsPage)
                {
                    if (fromSettingsPage)
                    {
                        if (!consents.HasConsent(childId)) return;
                    }

                    await [|Geolocation.GetLocationAsync()|];
                }

                public async Task LogsOnly(IParentalConsents consents, Guid childId)
                {
                    if (!consents.HasConsent(childId))
                    {
                        Console.WriteLine("no consent, locating anyway");
                    }

                    await [|Geolocation.GetLocationAsync()|];
                }

                public async Task ElseBranch(IParentalConsents consents, Guid childId, bool parentIsUser)
                {
                    if (parentIsUser)
                    {
                        await [|Geolocation.GetLocationAsync()|];
                    }
                    else if (consents.HasConsent(childId))
                    {
                        await Geolocation.GetLocationAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task AndAndTernaryGuards_AreGuards_ButOrIsNot()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public async Task<Location?> Locate(IParentalConsents consents, Guid childId, bool enabled)
                {
                    if (enabled && consents.HasConsent(childId))
                    {
                        await Geolocation.GetLocationAsync();
                    }

                    if (consents.HasConsent(childId) && await Geolocation.GetLastKnownLocationAsync() is { } last)
                    {
                        return last;
                    }

                    if (enabled || consents.HasConsent(childId))
                    {
                        await [|Geolocation.GetLocationAsync()|];
                    }

                    return consents.HasConsent(childId) ? await Geolocation.GetLocationAsync() : null;
                }

                public Task<Location?> Ternary(IParentalConsents consents, Guid childId) =>
                    !consents.HasConsent(childId) ? Task.FromResult<Location?>(null) : Geolocation.GetLocationAsync();

                public Task<Location?> WrongTernary(IParentalConsents consents, Guid childId) =>
                    consents.HasConsent(childId) ? Task.FromResult<Location?>(null) : [|Geolocation.GetLocationAsync()|];
            }
            """);
    }

    [Fact]
    public async Task ConsentStoredInALocal_IsAGuard()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public async Task Locate(IParentalConsents consents, Guid childId, bool enabled)
                {
                    var allowed = await consents.HasParentalConsentAsync(childId);
                    if (!allowed) return;
                    await Geolocation.GetLocationAsync();
                }

                public async Task Combined(IParentalConsents consents, Guid childId, bool enabled)
                {
                    var mayLocate = enabled && consents.HasConsent(childId);
                    if (mayLocate) await Geolocation.GetLocationAsync();
                }

                public async Task AssignedLater(IParentalConsents consents, Guid childId, bool enabled)
                {
                    var mayLocate = false;
                    if (enabled) mayLocate = consents.HasConsent(childId);
                    if (mayLocate) await Geolocation.GetLocationAsync();
                }

                public async Task OverwrittenWithSomethingElse(IParentalConsents consents, Guid childId, bool enabled)
                {
                    var mayLocate = consents.HasConsent(childId);
                    mayLocate = enabled;
                    if (mayLocate) await [|Geolocation.GetLocationAsync()|];
                }

                public async Task StartsTrue(IParentalConsents consents, Guid childId, bool enabled)
                {
                    var mayLocate = true;
                    if (enabled) mayLocate = consents.HasConsent(childId);
                    if (mayLocate) await [|Geolocation.GetLocationAsync()|];
                }
            }
            """);
    }

    [Fact]
    public async Task ConsentEnum_ComparedWithGranted_IsAGuard_ButNotDenied()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public async Task Locate(IParentalConsents consents, Guid childId)
                {
                    if (consents.GetConsentStatus(childId) != ConsentStatus.Granted) return;
                    await Geolocation.GetLocationAsync();
                }

                public async Task Switched(IParentalConsents consents, Guid childId)
                {
                    switch (consents.GetConsentStatus(childId))
                    {
                        case ConsentStatus.Granted:
                            await Geolocation.GetLocationAsync();
                            break;
                        case ConsentStatus.Denied:
                            await [|Geolocation.GetLastKnownLocationAsync()|];
                            break;
                    }
                }

                public async Task NotDenied(IParentalConsents consents, Guid childId)
                {
                    if (consents.GetConsentStatus(childId) == ConsentStatus.Denied) return;
                    await [|Geolocation.GetLocationAsync()|];
                }
            }
            """);
    }

    [Fact]
    public async Task NamesThatMeanNoConsent_AndUnrelatedChecks_AreNotGuards()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public async Task Revoked(IParentalConsents consents, Guid childId)
                {
                    if (consents.IsConsentRevoked(childId)) return;
                    await [|Geolocation.GetLocationAsync()|];
                }

                public async Task Required(IParentalConsents consents, Guid childId)
                {
                    if (!consents.RequiresConsent(childId))
                    {
                        await [|Geolocation.GetLocationAsync()|];
                    }
                }

                public async Task Unrelated(IParentalConsents consents, Guid childId)
                {
                    if (!consents.MayTrack(childId)) return;
                    await [|Geolocation.GetLocationAsync()|];
                }

                public async Task Parameter(bool hasConsent)
                {
                    // A caller's say-so is not a check: any caller can pass true.
                    if (!hasConsent) return;
                    await [|Geolocation.GetLocationAsync()|];
                }
            }
            """);
    }

    [Fact]
    public async Task ConsentAssertions_ThatThrowUnlessGiven_AreGuards()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public async Task Ensure(IParentalConsents consents, Guid childId)
                {
                    consents.EnsureParentalConsent(childId);
                    await Geolocation.GetLocationAsync();
                }

                public async Task RequireAsync(IParentalConsents consents, Guid childId, bool now)
                {
                    await consents.RequireConsentAsync(childId);
                    if (now)
                    {
                        await Geolocation.GetLocationAsync();
                    }
                }

                public async Task Before(IParentalConsents consents, Guid childId)
                {
                    var location = await [|Geolocation.GetLocationAsync()|];
                    consents.EnsureParentalConsent(childId);
                }

                public async Task OnOneBranch(IParentalConsents consents, Guid childId, bool strict)
                {
                    if (strict) consents.EnsureParentalConsent(childId);
                    await [|Geolocation.GetLocationAsync()|];
                }

                public async Task NotAnAssertion(IParentalConsents consents, Guid childId)
                {
                    consents.RecordConsent(childId);
                    consents.Gate(childId);
                    await [|Geolocation.GetLocationAsync()|];
                }
            }
            """);

        await VerifyAsync(
            """
            public class Tracker
            {
                public async Task Configured(IParentalConsents consents, Guid childId)
                {
                    consents.Gate(childId);
                    await Geolocation.GetLocationAsync();
                }
            }
            """,
            "dotnet_code_quality.PRIV020.consent_checks = M:IParentalConsents.Gate");
    }

    [Fact]
    public async Task ConfiguredConsentCheck_IsAGuard()
    {
        const string Source = """
            public class Tracker
            {
                public async Task Locate(IParentalConsents consents, Guid childId)
                {
                    if (!consents.MayTrack(childId)) return;
                    await {|#0:Geolocation.GetLocationAsync()|};
                }
            }
            """;

        await VerifyAsync(Source, "dotnet_code_quality.PRIV020.consent_checks = M:IParentalConsents.MayTrack");
        await VerifyAsync(Source, "dotnet_code_quality.Privacy.consent_checks = M:IParentalConsents.MayTrack(System.Guid)");
        await VerifyAsync(
            Source,
            "dotnet_code_quality.PRIV030.consent_checks = M:IParentalConsents.MayTrack",
            Verify.Diagnostic().WithLocation(0).WithArguments("Geolocation.GetLocationAsync", "the device's precise location"));
    }

    [Fact]
    public async Task LambdasAndLocalFunctions_AreAnalyzedOnTheirOwn()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public async Task Locate(IParentalConsents consents, Guid childId)
                {
                    Func<Task<Location?>> guarded = async () =>
                    {
                        if (!consents.HasConsent(childId)) return null;
                        return await Geolocation.GetLocationAsync();
                    };

                    if (!consents.HasConsent(childId)) return;

                    // The lambda may run at any time: the outer check does not cover it.
                    Func<Task<Location?>> later = () => [|Geolocation.GetLocationAsync()|];

                    async Task<Location?> LocalGuarded()
                    {
                        if (!await consents.HasParentalConsentAsync(childId)) return null;
                        return await Geolocation.GetLocationAsync();
                    }

                    Task<Location?> LocalUnguarded() => [|Geolocation.GetLastKnownLocationAsync()|];

                    await LocalGuarded();
                    await LocalUnguarded();
                    await Geolocation.GetLocationAsync();
                }

                public void Subscribe(IParentalConsents consents, Guid childId, List<Func<Task>> jobs)
                {
                    jobs.Add(async () =>
                    {
                        Func<Task> nested = async () =>
                        {
                            if (consents.HasConsent(childId)) await Geolocation.GetLocationAsync();
                            await [|Geolocation.GetLastKnownLocationAsync()|];
                        };
                        await nested();
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task AcceptOsPermissionFalse_OnlyAppConsentCounts()
    {
        const string Source = """
            public class Tracker
            {
                public async Task<Location?> Os()
                {
                    if (await Permissions.RequestAsync<Permissions.LocationWhenInUse>() != PermissionStatus.Granted) return null;
                    return await {|#0:Geolocation.GetLocationAsync()|};
                }

                public async Task<Location?> Parental(IParentalConsents consents, Guid childId)
                {
                    if (await Permissions.RequestAsync<Permissions.LocationWhenInUse>() != PermissionStatus.Granted) return null;
                    if (!await consents.HasParentalConsentAsync(childId)) return null;
                    return await Geolocation.GetLocationAsync();
                }
            }
            """;

        await VerifyAsync(Source);
        await VerifyAsync(
            Source,
            "dotnet_code_quality.Privacy.accept_os_permission = false",
            Verify.Diagnostic().WithLocation(0).WithArguments("Geolocation.GetLocationAsync", "the device's precise location"));
        await VerifyAsync(
            Source,
            "dotnet_code_quality.PRIV020.accept_os_permission = false\ndotnet_code_quality.Privacy.accept_os_permission = true",
            Verify.Diagnostic().WithLocation(0).WithArguments("Geolocation.GetLocationAsync", "the device's precise location"));
        await VerifyAsync(Source, "dotnet_code_quality.Privacy.accept_os_permission = nope");
    }

    [Fact]
    public async Task Loops_FiltersAndHandlers()
    {
        await VerifyAsync("""
            public class Tracker
            {
                public async Task WaitForConsent(IParentalConsents consents, Guid childId)
                {
                    while (!await consents.HasParentalConsentAsync(childId))
                    {
                        await Task.Delay(1000);
                    }

                    await Geolocation.GetLocationAsync();
                }

                public async Task EachChild(IParentalConsents consents, IEnumerable<Guid> children)
                {
                    foreach (var child in children)
                    {
                        if (!consents.HasConsent(child)) continue;
                        await Geolocation.GetLocationAsync();
                    }
                }

                public async Task CheckedAtTheEndOfTheLoop(IParentalConsents consents, Guid childId)
                {
                    do
                    {
                        await [|Geolocation.GetLocationAsync()|];
                    }
                    while (consents.HasConsent(childId));
                }

                public async Task Filter(IParentalConsents consents, Guid childId)
                {
                    try
                    {
                        await Task.Delay(10);
                    }
                    catch (TimeoutException) when (consents.HasConsent(childId))
                    {
                        await Geolocation.GetLocationAsync();
                    }
                    catch (Exception)
                    {
                        await [|Geolocation.GetLastKnownLocationAsync()|];
                    }
                }

                public async Task CheckInsideTheTry(IParentalConsents consents, Guid childId)
                {
                    try
                    {
                        if (!consents.HasConsent(childId)) return;
                        await Geolocation.GetLocationAsync();
                    }
                    catch (Exception)
                    {
                        // The exception may come from the consent check itself.
                        await [|Geolocation.GetLastKnownLocationAsync()|];
                    }
                    finally
                    {
                        Console.WriteLine("done");
                    }
                }

                public async Task GuardedTryAndFinally(IParentalConsents consents, Guid childId)
                {
                    if (!consents.HasConsent(childId)) return;
                    try
                    {
                        await Task.Delay(10);
                    }
                    finally
                    {
                        await Geolocation.GetLastKnownLocationAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task OtherPlatforms_AreSourcesToo()
    {
        await VerifyAsync("""
            using System.Device.Location;
            using Android.Gms.Location;
            using Android.Locations;
            using CoreLocation;
            using Windows.Devices.Geolocation;

            public class Platforms
            {
                public async Task OnWindows(Geolocator geolocator)
                {
                    var position = await {|#0:geolocator.GetGeopositionAsync()|};
                    {|#1:geolocator.PositionChanged += (sender, args) => Console.WriteLine("moved")|};
                    geolocator.StatusChanged += (sender, args) => Console.WriteLine("status");
                }

                public async Task OnWindowsAllowed(Geolocator geolocator)
                {
                    var access = await Geolocator.RequestAccessAsync();
                    if (access != GeolocationAccessStatus.Allowed) return;
                    var position = await geolocator.GetGeopositionAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
                    geolocator.PositionChanged += (sender, args) => Console.WriteLine("moved");
                }

                public async Task OnXamarin()
                {
                    var location = await {|#2:Xamarin.Essentials.Geolocation.GetLocationAsync()|};
                    var last = await {|#3:Xamarin.Essentials.Geolocation.GetLastKnownLocationAsync()|};
                }

                public async Task OnXamarinGranted()
                {
                    if (await Xamarin.Essentials.Permissions.RequestAsync<Xamarin.Essentials.Permissions.LocationWhenInUse>() == Xamarin.Essentials.PermissionStatus.Granted)
                    {
                        await Xamarin.Essentials.Geolocation.GetLocationAsync();
                    }
                }

                public void OnDotNetFramework(GeoCoordinateWatcher watcher)
                {
                    {|#4:watcher.Start()|};
                    {|#5:watcher.TryStart(false, TimeSpan.FromSeconds(5))|};
                }

                public async Task OnAndroid(LocationManager manager, FusedLocationProviderClient fused, ILocationListener listener)
                {
                    {|#6:manager.RequestLocationUpdates(LocationManager.GpsProvider, 1000, 10, listener)|};
                    var last = {|#7:manager.GetLastKnownLocation(LocationManager.GpsProvider)|};
                    var fusedLast = await {|#8:fused.GetLastLocationAsync()|};
                    await {|#9:fused.RequestLocationUpdatesAsync(new LocationRequest(), new LocationCallback(), null)|};
                }

                public void OnApple(CLLocationManager manager)
                {
                    manager.RequestWhenInUseAuthorization();
                    {|#10:manager.StartUpdatingLocation()|};
                    {|#11:manager.StartMonitoringSignificantLocationChanges()|};
                }
            }
            """,
            expected: new[]
            {
                Verify.Diagnostic().WithLocation(0).WithArguments("Geolocator.GetGeopositionAsync", "the device's precise location"),
                Verify.Diagnostic().WithLocation(1).WithArguments("Geolocator.PositionChanged", "location updates"),
                Verify.Diagnostic().WithLocation(2).WithArguments("Geolocation.GetLocationAsync", "the device's precise location"),
                Verify.Diagnostic().WithLocation(3).WithArguments("Geolocation.GetLastKnownLocationAsync", "the device's precise location"),
                Verify.Diagnostic().WithLocation(4).WithArguments("GeoCoordinateWatcher.Start", "the device's precise location"),
                Verify.Diagnostic().WithLocation(5).WithArguments("GeoCoordinateWatcher.TryStart", "the device's precise location"),
                Verify.Diagnostic().WithLocation(6).WithArguments("LocationManager.RequestLocationUpdates", "the device's precise location"),
                Verify.Diagnostic().WithLocation(7).WithArguments("LocationManager.GetLastKnownLocation", "the device's precise location"),
                Verify.Diagnostic().WithLocation(8).WithArguments("FusedLocationProviderClient.GetLastLocationAsync", "the device's precise location"),
                Verify.Diagnostic().WithLocation(9).WithArguments("FusedLocationProviderClient.RequestLocationUpdatesAsync", "the device's precise location"),
                Verify.Diagnostic().WithLocation(10).WithArguments("CLLocationManager.StartUpdatingLocation", "the device's precise location"),
                Verify.Diagnostic().WithLocation(11).WithArguments("CLLocationManager.StartMonitoringSignificantLocationChanges", "the device's precise location"),
            });
    }

    [Fact]
    public async Task SubclassOverride_AndImplementationOfTheInterface_AreSources()
    {
        await VerifyAsync("""
            public class FakeGeolocation : IGeolocation
            {
                public Task<Location?> GetLastKnownLocationAsync() => Task.FromResult<Location?>(null);
                public Task<Location?> GetLocationAsync(GeolocationRequest request, System.Threading.CancellationToken cancelToken) => Task.FromResult<Location?>(null);
                public bool IsListeningForeground => false;
                public event EventHandler<LocationEventArgs>? LocationChanged { add { } remove { } }
                public Task<bool> StartListeningForegroundAsync(GeolocationListeningRequest request) => Task.FromResult(false);
                public Task<bool> StopListeningForegroundAsync() => Task.FromResult(true);
            }

            public class Test
            {
                public Task M(FakeGeolocation fake) => [|fake.GetLastKnownLocationAsync()|];
            }
            """);
    }

    [Fact]
    public async Task ConfiguredLocationSources_AreFlagged()
    {
        const string Source = """
            namespace App
            {
                public class LocationService
                {
                    public Task<Location?> CurrentAsync() => Task.FromResult<Location?>(null);
                    public Location? Last { get; set; }
                    public event EventHandler? Moved;
                }

                public class Screen
                {
                    public async Task Show(LocationService service)
                    {
                        var current = await {|#0:service.CurrentAsync()|};
                        var last = {|#1:service.Last|};
                        service.Last = null;
                        {|#2:service.Moved += (s, e) => { }|};
                    }
                }
            }
            """;

        await VerifyAsync(Source);
        await VerifyAsync(
            Source,
            "dotnet_code_quality.PRIV020.location_sources = M:App.LocationService.CurrentAsync | P:App.LocationService.Last | E:App.LocationService.Moved",
            Verify.Diagnostic().WithLocation(0).WithArguments("LocationService.CurrentAsync", "precise location"),
            Verify.Diagnostic().WithLocation(1).WithArguments("LocationService.Last", "precise location"),
            Verify.Diagnostic().WithLocation(2).WithArguments("LocationService.Moved", "location updates"));
    }

    [Fact]
    public async Task FieldInitializer_IsFlagged()
    {
        await VerifyAsync("""
            public class Tracker
            {
                private readonly Task<Location?> location = [|Geolocation.GetLocationAsync()|];
            }
            """);
    }

    [Fact]
    public async Task LookAlikeTypesOfOtherNamespaces_AreNotSources()
    {
        await VerifyAsync("""
            namespace Mine
            {
                public static class Geolocation
                {
                    public static Task<object?> GetLocationAsync() => Task.FromResult<object?>(null);
                }

                public class C
                {
                    public Task<object?> M() => Geolocation.GetLocationAsync();
                }
            }
            """);
    }

    private const string OneConsentCheck = "dotnet_code_quality.PRIV020.consent_checks = M:App.ParentalConsent.HasParentalConsentAsync";

    private const string ConsentService = """

        namespace App
        {
            public class ParentalConsent
            {
                public Task<bool> HasParentalConsentAsync() => Task.FromResult(false);
                public static bool IsOn => true;
            }
        }

        """;

    private static Task VerifyFixAsync(string source, string fixedSource, string editorConfig = OneConsentCheck) =>
        ConsentTest.VerifyFixAsync<Analyzer, Fixer>(Usings + source + ConsentService, Usings + fixedSource + ConsentService, editorConfig);

    [Fact]
    public async Task Fix_InsertsAnEarlyReturnBeforeTheCall()
    {
        await VerifyFixAsync("""
            namespace App
            {
                public class Tracker
                {
                    private readonly ParentalConsent consent = new();

                    public async Task Locate()
                    {
                        var request = new GeolocationRequest();
                        // Where is the child?
                        var location = await [|Geolocation.GetLocationAsync(request)|];
                        Console.WriteLine(location);
                    }
                }
            }
            """,
            """
            namespace App
            {
                public class Tracker
                {
                    private readonly ParentalConsent consent = new();

                    public async Task Locate()
                    {
                        var request = new GeolocationRequest();
                        // Where is the child?
                        if (!await consent.HasParentalConsentAsync())
                        {
                            return;
                        }

                        var location = await Geolocation.GetLocationAsync(request);
                        Console.WriteLine(location);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task FixAll_GuardsEveryFunction_WithAParameterOrThisAsReceiver()
    {
        await VerifyFixAsync("""
            namespace App
            {
                public class Tracker
                {
                    public async Task FromParameter(ParentalConsent parents)
                    {
                        await [|Geolocation.GetLocationAsync()|];
                    }

                    public void Wire(ParentalConsent parents, List<Func<Task>> jobs)
                    {
                        jobs.Add(async () =>
                        {
                            using (new System.IO.MemoryStream())
                            {
                                await [|Geolocation.GetLastKnownLocationAsync()|];
                            }
                        });
                    }
                }

                public class ChildTracker : ParentalConsent
                {
                    public async ValueTask Track()
                    {
                        if (DateTime.Now.Hour > 7)
                        {
                            await [|Geolocation.GetLocationAsync()|];
                        }
                    }
                }
            }
            """,
            """
            namespace App
            {
                public class Tracker
                {
                    public async Task FromParameter(ParentalConsent parents)
                    {
                        if (!await parents.HasParentalConsentAsync())
                        {
                            return;
                        }

                        await Geolocation.GetLocationAsync();
                    }

                    public void Wire(ParentalConsent parents, List<Func<Task>> jobs)
                    {
                        jobs.Add(async () =>
                        {
                            using (new System.IO.MemoryStream())
                            {
                                if (!await parents.HasParentalConsentAsync())
                                {
                                    return;
                                }

                                await Geolocation.GetLastKnownLocationAsync();
                            }
                        });
                    }
                }

                public class ChildTracker : ParentalConsent
                {
                    public async ValueTask Track()
                    {
                        if (DateTime.Now.Hour > 7)
                        {
                            if (!await HasParentalConsentAsync())
                            {
                                return;
                            }

                            await Geolocation.GetLocationAsync();
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_StaticPropertyCheck_InAVoidMethod()
    {
        await VerifyFixAsync(
            """
            namespace App
            {
                public class Tracker
                {
                    public void Locate()
                    {
                        _ = [|Geolocation.GetLocationAsync()|];
                    }
                }
            }
            """,
            """
            namespace App
            {
                public class Tracker
                {
                    public void Locate()
                    {
                        if (!ParentalConsent.IsOn)
                        {
                            return;
                        }

                        _ = Geolocation.GetLocationAsync();
                    }
                }
            }
            """,
            "dotnet_code_quality.Privacy.consent_checks = P:App.ParentalConsent.IsOn");
    }

    [Fact]
    public async Task NoFix_WhereAnEarlyReturnIsNotSafeOrTheCheckIsAmbiguous()
    {
        const string Source = """
            namespace App
            {
                public class Tracker
                {
                    private readonly ParentalConsent consent = new();
                    private readonly ParentalConsent other = new();

                    // Returns a value: what should it return?
                    public async Task<Location?> Value(ParentalConsent parents) => await [|Geolocation.GetLocationAsync()|];

                    public async Task<Location?> ValueBlock(ParentalConsent parents)
                    {
                        return await [|Geolocation.GetLocationAsync()|];
                    }

                    // In a loop, return would skip the other items.
                    public async Task Loop(ParentalConsent parents, int[] items)
                    {
                        foreach (var item in items)
                        {
                            await [|Geolocation.GetLocationAsync()|];
                        }
                    }

                    // Not async: the check cannot be awaited.
                    public void NotAsync(ParentalConsent parents)
                    {
                        _ = [|Geolocation.GetLocationAsync()|];
                    }

                    // Two fields of the consent type and no parameter: which one?
                    public async Task Ambiguous()
                    {
                        await [|Geolocation.GetLocationAsync()|];
                    }
                }
            }
            """;

        await VerifyFixAsync(Source, Source);
        await VerifyFixAsync(
            Source.Replace("public async Task Ambiguous()", "public async Task Ambiguous(ParentalConsent parents)", System.StringComparison.Ordinal),
            Source.Replace("public async Task Ambiguous()", "public async Task Ambiguous(ParentalConsent parents)", System.StringComparison.Ordinal),
            "dotnet_code_quality.PRIV020.consent_checks = M:App.ParentalConsent.HasParentalConsentAsync|P:App.ParentalConsent.IsOn");
    }
}
