namespace PrivacyAnalyzers.Internals;

/// <summary>Metadata names of the framework types the rules match by symbol. Kept in one file so a reader sees every dependency.</summary>
internal static class WellKnownTypeNames
{
    public const string SystemTimeSpan = "System.TimeSpan";
    public const string SystemTask = "System.Threading.Tasks.Task";
    public const string SystemTask1 = "System.Threading.Tasks.Task`1";
    public const string SystemValueTask = "System.Threading.Tasks.ValueTask";
    public const string SystemValueTask1 = "System.Threading.Tasks.ValueTask`1";
    public const string WindowsAsyncOperation1 = "Windows.Foundation.IAsyncOperation`1";

    // ASP.NET Core Identity (Microsoft.AspNetCore.Identity and Microsoft.Extensions.Identity.Core).
    public const string IdentitySignInManager1 = "Microsoft.AspNetCore.Identity.SignInManager`1";
    public const string IdentityLockoutOptions = "Microsoft.AspNetCore.Identity.LockoutOptions";
    public const string IdentityPasswordOptions = "Microsoft.AspNetCore.Identity.PasswordOptions";

    // Deletion paths (PRIV01x): EF Core persistence, deletion and model configuration.
    public const string SystemUri = "System.Uri";
    public const string SystemIOFile = "System.IO.File";
    public const string SystemIOFileInfo = "System.IO.FileInfo";
    public const string SystemIODirectory = "System.IO.Directory";
    public const string ForeignKeyAttribute = "System.ComponentModel.DataAnnotations.Schema.ForeignKeyAttribute";
    public const string TableAttribute = "System.ComponentModel.DataAnnotations.Schema.TableAttribute";
    public const string RequiredAttribute = "System.ComponentModel.DataAnnotations.RequiredAttribute";
    public const string EfDbContext = "Microsoft.EntityFrameworkCore.DbContext";
    public const string EfDbSet1 = "Microsoft.EntityFrameworkCore.DbSet`1";
    public const string EfQueryableExtensions = "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions";
    public const string EfRelationalQueryableExtensions = "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions";
    public const string EfRelationalDatabaseFacadeExtensions = "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions";
    public const string EfUpdateSettersBuilder1 = "Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder`1";
    public const string EfSetPropertyCalls1 = "Microsoft.EntityFrameworkCore.Query.SetPropertyCalls`1";
    public const string EfDeleteBehavior = "Microsoft.EntityFrameworkCore.DeleteBehavior";
    public const string EfEntityTypeBuilder1 = "Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder`1";
    public const string EfReferenceCollectionBuilder2 = "Microsoft.EntityFrameworkCore.Metadata.Builders.ReferenceCollectionBuilder`2";
    public const string EfReferenceReferenceBuilder2 = "Microsoft.EntityFrameworkCore.Metadata.Builders.ReferenceReferenceBuilder`2";

    // Personal-data labels and Identity's user store.
    public const string IdentityUserManager1 = "Microsoft.AspNetCore.Identity.UserManager`1";
    public const string IdentityPersonalDataAttribute = "Microsoft.AspNetCore.Identity.PersonalDataAttribute";
    public const string DataClassificationAttribute = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";

    // Deletion endpoints.
    public const string MvcHttpDeleteAttribute = "Microsoft.AspNetCore.Mvc.HttpDeleteAttribute";
    public const string EndpointRouteBuilderExtensions = "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions";

    // Stored media: Azure Blob Storage and AWS S3.
    public const string AzureBlobBaseClient = "Azure.Storage.Blobs.Specialized.BlobBaseClient";
    public const string AzureBlobContainerClient = "Azure.Storage.Blobs.BlobContainerClient";
    public const string AwsS3Interface = "Amazon.S3.IAmazonS3";
    public const string AwsS3Client = "Amazon.S3.AmazonS3Client";

    // Consent-gated collection (PRIV020, PRIV021, PRIV030): device location APIs.
    public const string MauiGeolocation = "Microsoft.Maui.Devices.Sensors.Geolocation";
    public const string MauiIGeolocation = "Microsoft.Maui.Devices.Sensors.IGeolocation";
    public const string MauiGeolocationExtensions = "Microsoft.Maui.Devices.Sensors.GeolocationExtensions";
    public const string MauiLocation = "Microsoft.Maui.Devices.Sensors.Location";
    public const string XamarinGeolocation = "Xamarin.Essentials.Geolocation";
    public const string XamarinLocation = "Xamarin.Essentials.Location";
    public const string WindowsGeolocator = "Windows.Devices.Geolocation.Geolocator";
    public const string WindowsGeolocationAccessStatus = "Windows.Devices.Geolocation.GeolocationAccessStatus";
    public const string WindowsGeoposition = "Windows.Devices.Geolocation.Geoposition";
    public const string WindowsGeocoordinate = "Windows.Devices.Geolocation.Geocoordinate";
    public const string WindowsGeopoint = "Windows.Devices.Geolocation.Geopoint";
    public const string WindowsBasicGeoposition = "Windows.Devices.Geolocation.BasicGeoposition";
    public const string DeviceGeoCoordinateWatcher = "System.Device.Location.GeoCoordinateWatcher";
    public const string DeviceGeoCoordinate = "System.Device.Location.GeoCoordinate";
    public const string AndroidLocationManager = "Android.Locations.LocationManager";
    public const string AndroidLocation = "Android.Locations.Location";
    public const string AndroidFusedLocationProviderClient = "Android.Gms.Location.FusedLocationProviderClient";
    public const string AppleLocationManager = "CoreLocation.CLLocationManager";
    public const string AppleLocation = "CoreLocation.CLLocation";
    public const string AppleLocationCoordinate2D = "CoreLocation.CLLocationCoordinate2D";

    // IP geolocation of a client (MaxMind GeoIP2) and where a client's address comes from (ASP.NET Core).
    public const string MaxMindIProvider = "MaxMind.GeoIP2.IGeoIP2Provider";
    public const string MaxMindDatabaseReader = "MaxMind.GeoIP2.DatabaseReader";
    public const string MaxMindIDatabaseReader = "MaxMind.GeoIP2.IGeoIP2DatabaseReader";
    public const string MaxMindWebServiceClient = "MaxMind.GeoIP2.WebServiceClient";
    public const string MaxMindIWebServicesClient = "MaxMind.GeoIP2.IGeoIP2WebServicesClient";
    public const string MaxMindLocation = "MaxMind.GeoIP2.Model.Location";
    public const string SystemNetIPAddress = "System.Net.IPAddress";
    public const string AspNetCoreConnectionInfo = "Microsoft.AspNetCore.Http.ConnectionInfo";
    public const string AspNetCoreHttpConnectionFeature = "Microsoft.AspNetCore.Http.Features.IHttpConnectionFeature";
    public const string AspNetCoreHeaderDictionary = "Microsoft.AspNetCore.Http.IHeaderDictionary";
    public const string AspNetCoreControllerBase = "Microsoft.AspNetCore.Mvc.ControllerBase";
    public const string AspNetCoreNonActionAttribute = "Microsoft.AspNetCore.Mvc.NonActionAttribute";
    public const string AspNetCoreBindingSourceMetadata = "Microsoft.AspNetCore.Mvc.ModelBinding.IBindingSourceMetadata";

    // Microphone capture APIs.
    public const string NAudioWaveInEvent = "NAudio.Wave.WaveInEvent";
    public const string NAudioWaveIn = "NAudio.Wave.WaveIn";
    public const string NAudioIWaveIn = "NAudio.Wave.IWaveIn";
    public const string NAudioWasapiCapture = "NAudio.CoreAudioApi.WasapiCapture";
    public const string NAudioWasapiLoopbackCapture = "NAudio.Wave.WasapiLoopbackCapture";
    public const string WindowsMediaCapture = "Windows.Media.Capture.MediaCapture";
    public const string SpeechAudioConfig = "Microsoft.CognitiveServices.Speech.Audio.AudioConfig";
    public const string MauiAudioIAudioRecorder = "Plugin.Maui.Audio.IAudioRecorder";
    public const string MauiAudioAudioRecorder = "Plugin.Maui.Audio.AudioRecorder";
    public const string AndroidMediaRecorder = "Android.Media.MediaRecorder";
    public const string AndroidAudioRecord = "Android.Media.AudioRecord";

    // OS permission checks (MAUI and Xamarin.Essentials), as consent checks for location and microphone.
    public const string MauiPermissions = "Microsoft.Maui.ApplicationModel.Permissions";
    public const string MauiBasePermission = "Microsoft.Maui.ApplicationModel.Permissions+BasePermission";
    public const string MauiLocationWhenInUsePermission = "Microsoft.Maui.ApplicationModel.Permissions+LocationWhenInUse";
    public const string MauiLocationAlwaysPermission = "Microsoft.Maui.ApplicationModel.Permissions+LocationAlways";
    public const string MauiMicrophonePermission = "Microsoft.Maui.ApplicationModel.Permissions+Microphone";
    public const string MauiPermissionStatus = "Microsoft.Maui.ApplicationModel.PermissionStatus";
    public const string XamarinPermissions = "Xamarin.Essentials.Permissions";
    public const string XamarinBasePermission = "Xamarin.Essentials.Permissions+BasePermission";
    public const string XamarinLocationWhenInUsePermission = "Xamarin.Essentials.Permissions+LocationWhenInUse";
    public const string XamarinLocationAlwaysPermission = "Xamarin.Essentials.Permissions+LocationAlways";
    public const string XamarinMicrophonePermission = "Xamarin.Essentials.Permissions+Microphone";
    public const string XamarinPermissionStatus = "Xamarin.Essentials.PermissionStatus";

    // Log sinks (PRIV021).
    public const string LoggingILogger = "Microsoft.Extensions.Logging.ILogger";
    public const string LoggingLoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";
    public const string LoggingLoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";
    public const string SystemConsole = "System.Console";
    public const string DiagnosticsDebug = "System.Diagnostics.Debug";
    public const string DiagnosticsTrace = "System.Diagnostics.Trace";
    public const string DiagnosticsTraceSource = "System.Diagnostics.TraceSource";

    // Recording access (PRIV001-PRIV004): the web stack, authorization, data access and data classification.
    public const string SystemSecurityClaimsClaimsPrincipal = "System.Security.Claims.ClaimsPrincipal";
    public const string SystemLinqEnumerable = "System.Linq.Enumerable";
    public const string SystemLinqQueryable = "System.Linq.Queryable";
    public const string SystemIOStream = "System.IO.Stream";
    public const string SystemIOCompressionZipArchive = "System.IO.Compression.ZipArchive";
    public const string SystemIOCompressionZipFileExtensions = "System.IO.Compression.ZipFileExtensions";
    public const string SystemCollectionsGenericIAsyncEnumerable1 = "System.Collections.Generic.IAsyncEnumerable`1";
    public const string SystemThreadingCancellationToken = "System.Threading.CancellationToken";
    public const string MvcApiControllerAttribute = "Microsoft.AspNetCore.Mvc.ApiControllerAttribute";
    public const string MvcControllerAttribute = "Microsoft.AspNetCore.Mvc.ControllerAttribute";
    public const string MvcNonControllerAttribute = "Microsoft.AspNetCore.Mvc.NonControllerAttribute";
    public const string MvcFromServicesAttribute = "Microsoft.AspNetCore.Mvc.FromServicesAttribute";
    public const string MvcBindPropertyAttribute = "Microsoft.AspNetCore.Mvc.BindPropertyAttribute";
    public const string MvcBindPropertiesAttribute = "Microsoft.AspNetCore.Mvc.BindPropertiesAttribute";
    public const string MvcFileResult = "Microsoft.AspNetCore.Mvc.FileResult";
    public const string MvcIActionResult = "Microsoft.AspNetCore.Mvc.IActionResult";
    public const string MvcActionResult = "Microsoft.AspNetCore.Mvc.ActionResult";
    public const string MvcActionResult1 = "Microsoft.AspNetCore.Mvc.ActionResult`1";
    public const string MvcFilterCollection = "Microsoft.AspNetCore.Mvc.Filters.FilterCollection";
    public const string MvcIAuthorizationFilter = "Microsoft.AspNetCore.Mvc.Filters.IAuthorizationFilter";
    public const string MvcIAsyncAuthorizationFilter = "Microsoft.AspNetCore.Mvc.Filters.IAsyncAuthorizationFilter";
    public const string MvcAuthorizeFilter = "Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter";
    public const string MvcRazorPagesPageModel = "Microsoft.AspNetCore.Mvc.RazorPages.PageModel";
    public const string MvcRazorPagesNonHandlerAttribute = "Microsoft.AspNetCore.Mvc.RazorPages.NonHandlerAttribute";
    public const string PageConventionCollectionExtensions = "Microsoft.Extensions.DependencyInjection.PageConventionCollectionExtensions";
    public const string FromKeyedServicesAttribute = "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute";
    public const string AuthorizationIAuthorizeData = "Microsoft.AspNetCore.Authorization.IAuthorizeData";
    public const string AuthorizationAuthorizeAttribute = "Microsoft.AspNetCore.Authorization.AuthorizeAttribute";
    public const string AuthorizationIAllowAnonymous = "Microsoft.AspNetCore.Authorization.IAllowAnonymous";
    public const string AuthorizationAuthorizationOptions = "Microsoft.AspNetCore.Authorization.AuthorizationOptions";
    public const string AuthorizationAuthorizationBuilder = "Microsoft.AspNetCore.Authorization.AuthorizationBuilder";
    public const string AuthorizationIAuthorizationService = "Microsoft.AspNetCore.Authorization.IAuthorizationService";
    public const string AuthorizationAuthorizationServiceExtensions = "Microsoft.AspNetCore.Authorization.AuthorizationServiceExtensions";
    public const string AuthorizationAuthorizationResult = "Microsoft.AspNetCore.Authorization.AuthorizationResult";
    public const string BuilderAuthorizationEndpointConventionBuilderExtensions = "Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions";
    public const string BuilderControllerEndpointRouteBuilderExtensions = "Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions";
    public const string BuilderRazorPagesEndpointRouteBuilderExtensions = "Microsoft.AspNetCore.Builder.RazorPagesEndpointRouteBuilderExtensions";
    public const string BuilderWebApplication = "Microsoft.AspNetCore.Builder.WebApplication";
    public const string RoutingIEndpointRouteBuilder = "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
    public const string HttpHttpContext = "Microsoft.AspNetCore.Http.HttpContext";
    public const string HttpHttpRequest = "Microsoft.AspNetCore.Http.HttpRequest";
    public const string HttpHttpResponse = "Microsoft.AspNetCore.Http.HttpResponse";
    public const string HttpResults = "Microsoft.AspNetCore.Http.Results";
    public const string HttpTypedResults = "Microsoft.AspNetCore.Http.TypedResults";
    public const string HttpIResult = "Microsoft.AspNetCore.Http.IResult";
    public const string HttpSendFileResponseExtensions = "Microsoft.AspNetCore.Http.SendFileResponseExtensions";
    public const string HttpIFromServiceMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata";
    public const string HttpIFromRouteMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata";
    public const string HttpIFromQueryMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata";
    public const string HttpIFromBodyMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata";
    public const string HttpIFromFormMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata";
    public const string HttpIFromHeaderMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata";
}
