using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// Content an entity keeps outside its row: a member holding a file path, blob name or URI, or storage key
/// (<c>FilePath</c>, <c>BlobName</c>, <c>StorageKey</c>, <c>AudioUrl</c>...), and the calls that delete such
/// content: <c>File.Delete</c>, <c>FileInfo.Delete</c>, <c>Directory.Delete</c>, Azure
/// <c>BlobClient.Delete(IfExists)(Async)</c> and <c>BlobContainerClient.DeleteBlob(IfExists)(Async)</c>, AWS S3
/// <c>DeleteObject(s)(Async)</c>. Configured <c>deletion_methods</c> count too (checked by the caller).
/// </summary>
internal sealed class StoredMediaModel
{
    /// <summary>What a media member's name ends with: the address of the content.</summary>
    private static readonly ImmutableHashSet<string> AddressWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Path", "Key", "Url", "Uri", "Location", "Name");

    /// <summary>The word before the address: where or what the content is.</summary>
    private static readonly ImmutableHashSet<string> MediaWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "File", "Blob", "Storage", "Object", "S3", "Bucket", "Media", "Audio", "Video", "Image", "Photo", "Picture", "Clip",
        "Recording", "Thumbnail", "Snapshot", "Attachment", "Upload", "Avatar", "Voice", "Face", "Frame", "Still");

    /// <summary>Only these name a file or object by its "Name"; a <c>DisplayName</c> or <c>ImageName</c> is a label.</summary>
    private static readonly ImmutableHashSet<string> NamedByNameWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "File", "Blob", "Object");

    // Every name starts with Delete: IsMediaDeletion checks that first.
    private static readonly string[] FileDeleteMethods = { "Delete" };
    private static readonly string[] BlobDeleteMethods = { "Delete", "DeleteAsync", "DeleteIfExists", "DeleteIfExistsAsync" };
    private static readonly string[] ContainerDeleteMethods = { "DeleteBlob", "DeleteBlobAsync", "DeleteBlobIfExists", "DeleteBlobIfExistsAsync" };
    private static readonly string[] S3DeleteMethods = { "DeleteObject", "DeleteObjectAsync", "DeleteObjects", "DeleteObjectsAsync" };

    private readonly INamedTypeSymbol? uri;
    private readonly INamedTypeSymbol? file;
    private readonly INamedTypeSymbol? fileInfo;
    private readonly INamedTypeSymbol? directory;
    private readonly INamedTypeSymbol? blobBase;
    private readonly INamedTypeSymbol? blobContainer;
    private readonly INamedTypeSymbol? s3Interface;
    private readonly INamedTypeSymbol? s3Client;

    private StoredMediaModel(WellKnownTypes types)
    {
        this.uri = types.Get(WellKnownTypeNames.SystemUri);
        this.file = types.Get(WellKnownTypeNames.SystemIOFile);
        this.fileInfo = types.Get(WellKnownTypeNames.SystemIOFileInfo);
        this.directory = types.Get(WellKnownTypeNames.SystemIODirectory);
        this.blobBase = types.Get(WellKnownTypeNames.AzureBlobBaseClient);
        this.blobContainer = types.Get(WellKnownTypeNames.AzureBlobContainerClient);
        this.s3Interface = types.Get(WellKnownTypeNames.AwsS3Interface);
        this.s3Client = types.Get(WellKnownTypeNames.AwsS3Client);
    }

    public static StoredMediaModel For(Compilation compilation) => new(WellKnownTypes.For(compilation));

    /// <summary>The members of <paramref name="entity"/> (own or inherited) that address its stored content.</summary>
    public ImmutableArray<ISymbol> MediaMembers(INamedTypeSymbol entity)
    {
        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        foreach (var member in PersonalDataModel.InstanceDataMembers(entity))
        {
            var type = member switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };

            if (type is not null && (type.SpecialType == SpecialType.System_String || SymbolEqualityComparer.Default.Equals(type, this.uri)) &&
                IsMediaAddressName(member.Name))
            {
                builder.Add(member);
            }
        }

        return builder.ToImmutable();
    }

    private static bool IsMediaAddressName(string name)
    {
        var words = IdentifierWords.Split(name);
        if (words.Length < 2 || !AddressWords.Contains(words[words.Length - 1]))
        {
            return false;
        }

        var before = words[words.Length - 2];
        return string.Equals(words[words.Length - 1], "Name", StringComparison.OrdinalIgnoreCase)
            ? NamedByNameWords.Contains(before)
            : MediaWords.Contains(before);
    }

    /// <summary>False when no call of a method with this name deletes media (every name <see cref="IsMediaDeletion"/> knows starts with Delete).</summary>
    public static bool MayDeleteMedia(string name) => name.StartsWith("Delete", StringComparison.Ordinal);

    /// <summary>True for a call that deletes a file, directory, blob or S3 object.</summary>
    public bool IsMediaDeletion(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;

        // Every name below starts with Delete: asked of every call of the compilation, the name decides before the
        // type comparisons and base-type walks.
        if (type is null || !MayDeleteMedia(method.Name))
        {
            return false;
        }

        if (IsType(type, this.file) || IsType(type, this.directory) || IsType(type, this.fileInfo))
        {
            return FileDeleteMethods.Contains(method.Name);
        }

        if (this.blobBase is not null && type.IsOrDerivesFrom(this.blobBase))
        {
            return BlobDeleteMethods.Contains(method.Name);
        }

        if (this.blobContainer is not null && type.IsOrDerivesFrom(this.blobContainer))
        {
            return ContainerDeleteMethods.Contains(method.Name);
        }

        if (S3DeleteMethods.Contains(method.Name) &&
            ((this.s3Client is not null && type.IsOrDerivesFrom(this.s3Client)) ||
             (this.s3Interface is not null && (IsType(type, this.s3Interface) || type.AllInterfaces.Contains(this.s3Interface, SymbolEqualityComparer.Default)))))
        {
            return true;
        }

        return false;
    }

    private static bool IsType(ITypeSymbol type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>The member names as a message lists them: <c>'ImagePath', 'ThumbnailUrl'</c>.</summary>
    public static string Describe(IEnumerable<ISymbol> members) =>
        string.Join(", ", members.Select(m => "'" + m.Name + "'"));
}
