using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Consent;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.Consent;

/// <summary>
/// The consent-gated collection analyzers on broken code that reaches their control-flow analysis: with the
/// platform stubs compiled in, every half-typed source, check and lambda is visited. (Meta/AnalyzerRobustnessTests
/// covers every analyzer without the stubs.)
/// </summary>
public sealed class ConsentRobustnessTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "half-typed guard", """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Maui.ApplicationModel;
            using Microsoft.Maui.Devices.Sensors;
            class C
            {
                async void M(IParentalConsents consents)
                {
                    if (!await consents.HasConsentAsync(
                    var status = await Permissions.RequestAsync<Permissions.>();
                    if (status != PermissionStatus.) return
                    var location = await Geolocation.GetLocationAsync(
                    Func<Task> f = async () => { if (consents.HasConsent() await Geolocation.GetLastKnownLocationAsync(); };
                    void Local() => Geolocation.GetLocationAsync(
            """ },
        { "checks and sources that do not bind", """
            using Microsoft.Maui.ApplicationModel;
            using Microsoft.Maui.Devices.Sensors;
            class C
            {
                bool Helper() => Missing.HasConsent() && this.Unknown;
                bool Recursive() => Recursive() && HasConsent();
                bool HasConsent() => Recursive();
                static bool Loop1() => Loop2();
                static bool Loop2() => Loop1();
                async System.Threading.Tasks.Task M(Unknown u, Permissions.Missing p)
                {
                    switch (u.ConsentStatus) { case Unknown.Granted: await Geolocation.GetLocationAsync(); break; }
                    var ok = u.HasConsent() ? true : Missing();
                    ok = ref u.Flag;
                    if (ok is not { } && Helper() && Loop1()) await Geolocation.GetLocationAsync();
                    if (await Permissions.RequestAsync<Unknown>() == PermissionStatus.Granted) await Geolocation.GetLocationAsync();
                    if (await p.RequestAsync() == (PermissionStatus)3) await Geolocation.GetLocationAsync();
                    try { } catch when (HasConsent()) { await Geolocation.GetLocationAsync(); } finally { goto missing; }
                    Geolocation.LocationChanged += ;
                    Geolocation.Default.GetLocationAsync(u, u, u);
                }
            }
            """ },
        { "log sinks with broken arguments", """
            using Microsoft.Extensions.Logging;
            using Microsoft.Maui.Devices.Sensors;
            class C
            {
                void M(ILogger logger, Location location)
                {
                    logger.LogInformation($"at {location.Latitude", );
                    logger.LogInformation("{A}", location.);
                    System.Console.WriteLine(location.Latitude.);
                    var l = l.Latitude;
                    logger.LogInformation("{L}", l);
                    Log.Missing(logger, location);
                }
            }
            """ },
        { "personal-data entities that do not bind", """
            using Microsoft.Extensions.Logging;
            class GeofenceEvent : MissingBase
            {
                public Missing UserId { get; set; }
                public double Latitude { get => ; set; }
                public double Longitude;
                public static double Lat;
                public double this[int i] => Latitude;
            }
            class LocationHistory<T> where T : GeofenceEvent { public T Latitude; public double Longitude => Latitude.Longitude; }
            class C
            {
                void M(ILogger logger, GeofenceEvent e, LocationHistory<GeofenceEvent> h, Unknown u)
                {
                    logger.LogInformation($"at {e.Latitude} {GeofenceEvent.Lat} {e[0]} {u.Latitude}", h.Latitude.Lng);
                    logger.LogInformation("{A}", h.Latitude.Longitude, (e.Latitude, u.Lon).Item1, new { e.Longitude }.);
                    logger.LogInformation("{Lat}", e.Latitude);
                }
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task ConsentAnalyzers_OnIncompleteInput_NeverThrow(string name, string source)
    {
        var compilation = AnalyzerRunner.Compile(new[] { source }.Concat(PlatformStubs.All).ToArray());
        var result = await AnalyzerRunner.RunAsync(
            compilation,
            ImmutableArray.Create<DiagnosticAnalyzer>(new GeolocationWithoutConsentAnalyzer(), new VoiceCaptureWithoutConsentAnalyzer(), new LocationWrittenToLogAnalyzer()));

        Assert.True(result.Exceptions.IsEmpty, $"{name}: " + string.Join("\n", result.Exceptions));
        // The analysis did run on the broken code (it found something), rather than bailing out early.
        Assert.NotEmpty(result.Diagnostics);
    }
}
