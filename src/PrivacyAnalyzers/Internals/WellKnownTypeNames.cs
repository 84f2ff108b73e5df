namespace PrivacyAnalyzers.Internals;

/// <summary>Metadata names of the framework types the rules match by symbol. Kept in one file so a reader sees every dependency.</summary>
internal static class WellKnownTypeNames
{
    public const string SystemTimeSpan = "System.TimeSpan";

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
}
