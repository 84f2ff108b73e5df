namespace PrivacyAnalyzers.Internals;

/// <summary>Metadata names of the framework types the rules match by symbol. Kept in one file so a reader sees every dependency.</summary>
internal static class WellKnownTypeNames
{
    public const string SystemTimeSpan = "System.TimeSpan";

    // ASP.NET Core Identity (Microsoft.AspNetCore.Identity and Microsoft.Extensions.Identity.Core).
    public const string IdentitySignInManager1 = "Microsoft.AspNetCore.Identity.SignInManager`1";
    public const string IdentityLockoutOptions = "Microsoft.AspNetCore.Identity.LockoutOptions";
    public const string IdentityPasswordOptions = "Microsoft.AspNetCore.Identity.PasswordOptions";

    // Recording access (PRIV001-PRIV004): the web stack, authorization, data access and data classification.
    public const string SystemSecurityClaimsClaimsPrincipal = "System.Security.Claims.ClaimsPrincipal";
    public const string SystemLinqEnumerable = "System.Linq.Enumerable";
    public const string SystemLinqQueryable = "System.Linq.Queryable";
    public const string SystemIOStream = "System.IO.Stream";
    public const string SystemIOCompressionZipArchive = "System.IO.Compression.ZipArchive";
    public const string SystemIOCompressionZipFileExtensions = "System.IO.Compression.ZipFileExtensions";
    public const string SystemUri = "System.Uri";
    public const string SystemCollectionsGenericIAsyncEnumerable1 = "System.Collections.Generic.IAsyncEnumerable`1";
    public const string SystemThreadingCancellationToken = "System.Threading.CancellationToken";
    public const string MvcControllerBase = "Microsoft.AspNetCore.Mvc.ControllerBase";
    public const string MvcApiControllerAttribute = "Microsoft.AspNetCore.Mvc.ApiControllerAttribute";
    public const string MvcControllerAttribute = "Microsoft.AspNetCore.Mvc.ControllerAttribute";
    public const string MvcNonControllerAttribute = "Microsoft.AspNetCore.Mvc.NonControllerAttribute";
    public const string MvcNonActionAttribute = "Microsoft.AspNetCore.Mvc.NonActionAttribute";
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
    public const string BuilderEndpointRouteBuilderExtensions = "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions";
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
    public const string EntityFrameworkDbSet1 = "Microsoft.EntityFrameworkCore.DbSet`1";
    public const string EntityFrameworkDbContext = "Microsoft.EntityFrameworkCore.DbContext";
    public const string EntityFrameworkQueryableExtensions = "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions";
    public const string ComplianceDataClassificationAttribute = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";
}
