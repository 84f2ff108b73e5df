namespace PrivacyAnalyzers.Tests.Consent;

/// <summary>
/// Stand-ins for the platform APIs that have no package this machine can restore (MAUI, Xamarin.Essentials, the
/// WinRT projections, .NET Framework's System.Device, the Android and iOS bindings, Plugin.Maui.Audio, the Azure
/// Speech SDK, NAudio's WinForms <c>WaveIn</c>). Each declares the real namespaces, type names and member signatures
/// the rules match (bodies are placeholders), so that the analyzers see the same symbols as in a real app.
/// MaxMind.GeoIP2, NAudio and Microsoft.Extensions.Compliance.Abstractions are the real packages.
/// </summary>
internal static class PlatformStubs
{
    public const string Maui = """
        namespace Microsoft.Maui.Devices.Sensors
        {
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Location
            {
                public Location(double latitude, double longitude) { Latitude = latitude; Longitude = longitude; }
                public double Latitude { get; set; }
                public double Longitude { get; set; }
                public double? Altitude { get; set; }
                public double? Accuracy { get; set; }
                public DateTimeOffset Timestamp { get; set; }
                public static double CalculateDistance(Location locationStart, Location locationEnd, DistanceUnits units) => 0;
            }

            public enum DistanceUnits { Kilometers, Miles }
            public enum GeolocationAccuracy { Default, Lowest, Low, Medium, High, Best }

            public class GeolocationRequest
            {
                public GeolocationRequest() { }
                public GeolocationRequest(GeolocationAccuracy accuracy) { }
                public GeolocationRequest(GeolocationAccuracy accuracy, TimeSpan timeout) { }
            }

            public class GeolocationListeningRequest
            {
                public GeolocationListeningRequest() { }
                public GeolocationListeningRequest(GeolocationAccuracy accuracy) { }
            }

            public class LocationEventArgs : EventArgs
            {
                public LocationEventArgs(Location location) => Location = location;
                public Location Location { get; }
            }

            public interface IGeolocation
            {
                Task<Location?> GetLastKnownLocationAsync();
                Task<Location?> GetLocationAsync(GeolocationRequest request, CancellationToken cancelToken);
                bool IsListeningForeground { get; }
                event EventHandler<LocationEventArgs>? LocationChanged;
                Task<bool> StartListeningForegroundAsync(GeolocationListeningRequest request);
                Task<bool> StopListeningForegroundAsync();
            }

            public static class Geolocation
            {
                public static Task<Location?> GetLastKnownLocationAsync() => null!;
                public static Task<Location?> GetLocationAsync() => null!;
                public static Task<Location?> GetLocationAsync(GeolocationRequest request) => null!;
                public static Task<Location?> GetLocationAsync(GeolocationRequest request, CancellationToken cancelToken) => null!;
                public static bool IsListeningForeground => false;
                public static event EventHandler<LocationEventArgs> LocationChanged { add { } remove { } }
                public static Task<bool> StartListeningForegroundAsync(GeolocationListeningRequest request) => null!;
                public static Task<bool> StopListeningForegroundAsync() => null!;
                public static IGeolocation Default => null!;
            }

            public static class GeolocationExtensions
            {
                public static Task<Location?> GetLocationAsync(this IGeolocation geolocation) => null!;
                public static Task<Location?> GetLocationAsync(this IGeolocation geolocation, GeolocationRequest request) => null!;
            }
        }

        namespace Microsoft.Maui.ApplicationModel
        {
            using System.Threading.Tasks;

            public enum PermissionStatus { Unknown = 0, Denied = 1, Disabled = 2, Granted = 3, Restricted = 4, Limited = 5 }

            public static partial class Permissions
            {
                public static Task<PermissionStatus> CheckStatusAsync<TPermission>() where TPermission : BasePermission, new() => new TPermission().CheckStatusAsync();
                public static Task<PermissionStatus> RequestAsync<TPermission>() where TPermission : BasePermission, new() => new TPermission().RequestAsync();
                public static bool ShouldShowRationale<TPermission>() where TPermission : BasePermission, new() => false;

                public abstract class BasePermission
                {
                    public abstract Task<PermissionStatus> CheckStatusAsync();
                    public abstract Task<PermissionStatus> RequestAsync();
                    public abstract void EnsureDeclared();
                    public abstract bool ShouldShowRationale();
                }

                public class BasePlatformPermission : BasePermission
                {
                    public override Task<PermissionStatus> CheckStatusAsync() => Task.FromResult(PermissionStatus.Unknown);
                    public override Task<PermissionStatus> RequestAsync() => Task.FromResult(PermissionStatus.Unknown);
                    public override void EnsureDeclared() { }
                    public override bool ShouldShowRationale() => false;
                }

                public partial class LocationWhenInUse : BasePlatformPermission { }
                public partial class LocationAlways : BasePlatformPermission { }
                public partial class Microphone : BasePlatformPermission { }
                public partial class Camera : BasePlatformPermission { }
                public partial class Speech : BasePlatformPermission { }
            }
        }
        """;

    public const string XamarinEssentials = """
        namespace Xamarin.Essentials
        {
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Location
            {
                public double Latitude { get; set; }
                public double Longitude { get; set; }
            }

            public class GeolocationRequest { }

            public static class Geolocation
            {
                public static Task<Location> GetLastKnownLocationAsync() => Task.FromResult(new Location());
                public static Task<Location> GetLocationAsync() => Task.FromResult(new Location());
                public static Task<Location> GetLocationAsync(GeolocationRequest request) => Task.FromResult(new Location());
                public static Task<Location> GetLocationAsync(GeolocationRequest request, CancellationToken cancelToken) => Task.FromResult(new Location());
            }

            public enum PermissionStatus { Unknown, Denied, Disabled, Granted, Restricted }

            public static partial class Permissions
            {
                public static Task<PermissionStatus> CheckStatusAsync<TPermission>() where TPermission : BasePermission, new() => new TPermission().CheckStatusAsync();
                public static Task<PermissionStatus> RequestAsync<TPermission>() where TPermission : BasePermission, new() => new TPermission().RequestAsync();

                public abstract class BasePermission
                {
                    public abstract Task<PermissionStatus> CheckStatusAsync();
                    public abstract Task<PermissionStatus> RequestAsync();
                }

                public class BasePlatformPermission : BasePermission
                {
                    public override Task<PermissionStatus> CheckStatusAsync() => Task.FromResult(PermissionStatus.Unknown);
                    public override Task<PermissionStatus> RequestAsync() => Task.FromResult(PermissionStatus.Unknown);
                }

                public partial class LocationWhenInUse : BasePlatformPermission { }
                public partial class LocationAlways : BasePlatformPermission { }
                public partial class Microphone : BasePlatformPermission { }
            }
        }
        """;

    public const string WindowsRuntime = """
        namespace Windows.Foundation
        {
            public interface IAsyncAction { }
            public interface IAsyncOperation<TResult> { }
            public delegate void TypedEventHandler<TSender, TResult>(TSender sender, TResult args);
        }

        namespace System
        {
            using System.Runtime.CompilerServices;

            public static class WindowsRuntimeSystemExtensions
            {
                public static TaskAwaiter GetAwaiter(this global::Windows.Foundation.IAsyncAction source) => default;
                public static TaskAwaiter<TResult> GetAwaiter<TResult>(this global::Windows.Foundation.IAsyncOperation<TResult> source) => default;
            }
        }

        namespace Windows.Devices.Geolocation
        {
            using System;
            using Windows.Foundation;

            public enum GeolocationAccessStatus { Unspecified = 0, Allowed = 1, Denied = 2 }
            public enum PositionAccuracy { Default = 0, High = 1 }

            public struct BasicGeoposition
            {
                public double Latitude;
                public double Longitude;
                public double Altitude;
            }

            public sealed class Geopoint
            {
                public Geopoint(BasicGeoposition position) => Position = position;
                public BasicGeoposition Position { get; }
            }

            public sealed class Geocoordinate
            {
                public double Latitude => 0;
                public double Longitude => 0;
                public double Accuracy => 0;
                public Geopoint Point => null!;
                public DateTimeOffset Timestamp => default;
            }

            public sealed class CivicAddress
            {
                public string City => "";
                public string Country => "";
            }

            public sealed class Geoposition
            {
                public Geocoordinate Coordinate => null!;
                public CivicAddress CivicAddress => null!;
            }

            public sealed class PositionChangedEventArgs
            {
                public Geoposition Position => null!;
            }

            public sealed class Geolocator
            {
                public PositionAccuracy DesiredAccuracy { get; set; }
                public uint ReportInterval { get; set; }
                public IAsyncOperation<Geoposition> GetGeopositionAsync() => null!;
                public IAsyncOperation<Geoposition> GetGeopositionAsync(TimeSpan maximumAge, TimeSpan timeout) => null!;
                public static IAsyncOperation<GeolocationAccessStatus> RequestAccessAsync() => null!;
                public event TypedEventHandler<Geolocator, PositionChangedEventArgs> PositionChanged { add { } remove { } }
                public event TypedEventHandler<Geolocator, object> StatusChanged { add { } remove { } }
            }
        }

        namespace Windows.Storage
        {
            public interface IStorageFile { }
        }

        namespace Windows.Storage.Streams
        {
            public interface IRandomAccessStream { }
        }

        namespace Windows.Media.MediaProperties
        {
            public sealed class MediaEncodingProfile
            {
                public static MediaEncodingProfile CreateM4a(AudioEncodingQuality quality) => new MediaEncodingProfile();
            }

            public enum AudioEncodingQuality { Auto, High, Medium, Low }
        }

        namespace Windows.Media.Capture
        {
            using Windows.Foundation;
            using Windows.Media.MediaProperties;
            using Windows.Storage;
            using Windows.Storage.Streams;

            public sealed class LowLagMediaRecording
            {
                public IAsyncAction StartAsync() => null!;
            }

            public sealed class MediaCapture
            {
                public IAsyncAction InitializeAsync() => null!;
                public IAsyncAction StartRecordToStorageFileAsync(MediaEncodingProfile encodingProfile, IStorageFile file) => null!;
                public IAsyncAction StartRecordToStreamAsync(MediaEncodingProfile encodingProfile, IRandomAccessStream stream) => null!;
                public IAsyncOperation<LowLagMediaRecording> PrepareLowLagRecordAudioAsync(MediaEncodingProfile encodingProfile) => null!;
                public IAsyncAction StopRecordAsync() => null!;
            }
        }
        """;

    public const string SystemDeviceLocation = """
        namespace System.Device.Location
        {
            using System;

            public class GeoCoordinate
            {
                public double Latitude { get; set; }
                public double Longitude { get; set; }
            }

            public class GeoPosition<T>
            {
                public T Location { get; set; } = default!;
            }

            public class GeoCoordinateWatcher : IDisposable
            {
                public GeoPosition<GeoCoordinate> Position => new GeoPosition<GeoCoordinate>();
                public void Start() { }
                public void Start(bool suppressPermissionPrompt) { }
                public bool TryStart(bool suppressPermissionPrompt, TimeSpan timeout) => true;
                public void Stop() { }
                public void Dispose() { }
            }
        }
        """;

    public const string Android = """
        namespace Android.Locations
        {
            public interface ILocationListener { }

            public class Location
            {
                public double Latitude { get; set; }
                public double Longitude { get; set; }
            }

            public class LocationManager
            {
                public const string GpsProvider = "gps";
                public virtual void RequestLocationUpdates(string provider, long minTimeMs, float minDistanceM, ILocationListener listener) { }
                public virtual void RequestLocationUpdates(long minTimeMs, float minDistanceM, object criteria, ILocationListener listener, object? looper) { }
                public virtual Location? GetLastKnownLocation(string provider) => null;
            }
        }

        namespace Android.Gms.Location
        {
            using System.Threading.Tasks;

            public class LocationRequest { }
            public class LocationCallback { }

            public class FusedLocationProviderClient
            {
                public virtual Task<Android.Locations.Location> GetLastLocationAsync() => Task.FromResult(new Android.Locations.Location());
                public virtual Task RequestLocationUpdatesAsync(LocationRequest request, LocationCallback callback, object? looper) => Task.CompletedTask;
            }
        }

        namespace Android.Media
        {
            public enum AudioSource { Default = 0, Mic = 1 }

            public class MediaRecorder
            {
                public virtual void SetAudioSource(AudioSource audioSource) { }
                public virtual void Prepare() { }
                public virtual void Start() { }
                public virtual void Stop() { }
            }

            public class AudioRecord
            {
                public virtual void StartRecording() { }
                public virtual void Stop() { }
            }
        }
        """;

    public const string CoreLocation = """
        namespace CoreLocation
        {
            public struct CLLocationCoordinate2D
            {
                public double Latitude;
                public double Longitude;
            }

            public class CLLocation
            {
                public virtual CLLocationCoordinate2D Coordinate => default;
            }

            public class CLLocationManager
            {
                public virtual CLLocation? Location => null;
                public virtual void RequestWhenInUseAuthorization() { }
                public virtual void StartUpdatingLocation() { }
                public virtual void StartMonitoringSignificantLocationChanges() { }
                public virtual void StopUpdatingLocation() { }
            }
        }
        """;

    public const string PluginMauiAudio = """
        namespace Plugin.Maui.Audio
        {
            using System.Threading.Tasks;

            public interface IAudioSource { }

            public interface IAudioRecorder
            {
                bool CanRecordAudio { get; }
                bool IsRecording { get; }
                Task StartAsync();
                Task StartAsync(string filePath);
                Task<IAudioSource> StopAsync();
            }

            public interface IAudioManager
            {
                IAudioRecorder CreateRecorder();
            }
        }
        """;

    public const string CognitiveServicesSpeech = """
        namespace Microsoft.CognitiveServices.Speech.Audio
        {
            public sealed class AudioConfig : System.IDisposable
            {
                public static AudioConfig FromDefaultMicrophoneInput() => new AudioConfig();
                public static AudioConfig FromMicrophoneInput(string deviceName) => new AudioConfig();
                public static AudioConfig FromWavFileInput(string fileName) => new AudioConfig();
                public void Dispose() { }
            }
        }

        namespace Microsoft.CognitiveServices.Speech
        {
            using System.Threading.Tasks;
            using Microsoft.CognitiveServices.Speech.Audio;

            public sealed class SpeechConfig
            {
                public static SpeechConfig FromSubscription(string subscriptionKey, string region) => new SpeechConfig();
            }

            public sealed class SpeechRecognizer : System.IDisposable
            {
                public SpeechRecognizer(SpeechConfig speechConfig, AudioConfig audioConfig) { }
                public Task StartContinuousRecognitionAsync() => Task.CompletedTask;
                public void Dispose() { }
            }
        }
        """;

    /// <summary>NAudio's <c>WaveIn</c> ships in NAudio.WinForms (Windows only); the rest of NAudio is the real package.</summary>
    public const string NAudioWaveIn = """
        namespace NAudio.Wave
        {
            public class WaveIn : IWaveIn
            {
                public WaveFormat WaveFormat { get; set; } = new WaveFormat();
                public event System.EventHandler<WaveInEventArgs>? DataAvailable { add { } remove { } }
                public event System.EventHandler<StoppedEventArgs>? RecordingStopped { add { } remove { } }
                public void StartRecording() { }
                public void StopRecording() { }
                public void Dispose() { }
            }
        }
        """;

    /// <summary>Every stub, for tests that mix platforms.</summary>
    public static readonly string[] All =
    {
        Maui, XamarinEssentials, WindowsRuntime, SystemDeviceLocation, Android, CoreLocation, PluginMauiAudio, CognitiveServicesSpeech, NAudioWaveIn,
    };
}
