using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PrivacyAnalyzers.Corpus;

/// <summary>
/// The reference assemblies a corpus compiles against, found without downloading anything: the .NET and ASP.NET
/// Core reference packs of the running SDK (the dotnet root is found from the runtime directory, and the highest
/// pack version is taken), and EF Core's assemblies from the packages restore brought for this project.
/// </summary>
public static class CorpusReferences
{
    private static readonly Lazy<IReadOnlyList<string>> LazyNetCore = new(() => PackReferences("Microsoft.NETCore.App.Ref"));
    private static readonly Lazy<IReadOnlyList<string>> LazyAspNetCore = new(() => PackReferences("Microsoft.AspNetCore.App.Ref"));
    private static readonly Lazy<IReadOnlyList<string>> LazyEntityFrameworkCore = new(() =>
        new[] { "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Abstractions" }
            .SelectMany(id => PackageLibrary(typeof(CorpusReferences).Assembly, id))
            .ToList());

    /// <summary>The dotnet root: the runtime directory is <c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c>.</summary>
    public static string DotNetRoot { get; } =
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    public static IReadOnlyList<string> NetCore => LazyNetCore.Value;

    public static IReadOnlyList<string> AspNetCore => LazyAspNetCore.Value;

    public static IReadOnlyList<string> EntityFrameworkCore => LazyEntityFrameworkCore.Value;

    /// <summary>Everything a <see cref="SyntheticCorpus"/> needs.</summary>
    public static IReadOnlyList<string> All => NetCore.Concat(AspNetCore).Concat(EntityFrameworkCore).ToList();

    /// <summary>The folder of the highest installed version of a pack, e.g. <c>packs/Microsoft.AspNetCore.App.Ref/10.0.12</c>.</summary>
    public static string PackDirectory(string pack) => HighestVersion(Path.Combine(DotNetRoot, "packs", pack));

    /// <summary>ASP.NET Core's own analyzers, shipped in its reference pack.</summary>
    public static string AspNetCoreAnalyzerDirectory => Path.Combine(PackDirectory("Microsoft.AspNetCore.App.Ref"), "analyzers", "dotnet", "cs");

    /// <summary>
    /// The root folder of a package restored for <paramref name="assembly"/>'s project, recorded at build time in an
    /// <c>[AssemblyMetadata("PackageRoot:&lt;id&gt;", path)]</c> attribute (from the package's GeneratePathProperty).
    /// </summary>
    public static string PackageRoot(Assembly assembly, string packageId)
    {
        var path = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PackageRoot:" + packageId)?.Value;
        if (string.IsNullOrEmpty(path) || !Directory.Exists(path))
        {
            throw new InvalidOperationException($"Package {packageId} was not restored for {assembly.GetName().Name} (recorded path: '{path}').");
        }

        return path;
    }

    /// <summary>The assemblies of a restored package's best <c>lib/netX.Y</c> folder.</summary>
    public static IReadOnlyList<string> PackageLibrary(Assembly assembly, string packageId) =>
        Directory.GetFiles(HighestTargetFramework(Path.Combine(PackageRoot(assembly, packageId), "lib")), "*.dll")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    private static List<string> PackReferences(string pack) =>
        Directory.GetFiles(HighestTargetFramework(Path.Combine(PackDirectory(pack), "ref")), "*.dll")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    private static string HighestVersion(string directory)
    {
        var best = Directory.Exists(directory)
            ? Directory.GetDirectories(directory)
                .Select(d => (Path: d, Version: ParseVersion(Path.GetFileName(d))))
                .Where(d => d.Version is not null)
                .OrderByDescending(d => d.Version)
                .ThenByDescending(d => d.Path, StringComparer.Ordinal)
                .Select(d => d.Path)
                .FirstOrDefault()
            : null;
        return best ?? throw new InvalidOperationException($"No version folder in {directory}");
    }

    /// <summary>The highest <c>netX.Y</c> folder (the packs and packages used here have only .NET ones that matter).</summary>
    private static string HighestTargetFramework(string directory)
    {
        var best = Directory.GetDirectories(directory)
            .Select(d => (Path: d, Name: Path.GetFileName(d)))
            .Where(d => d.Name.StartsWith("net", StringComparison.Ordinal) && char.IsDigit(d.Name[3 % d.Name.Length]) && d.Name.Contains('.', StringComparison.Ordinal))
            .Select(d => (d.Path, Version: ParseVersion(d.Name[3..])))
            .Where(d => d.Version is not null)
            .OrderByDescending(d => d.Version)
            .Select(d => d.Path)
            .FirstOrDefault();
        return best ?? throw new InvalidOperationException($"No netX.Y folder in {directory}");
    }

    private static Version? ParseVersion(string name)
    {
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return Version.TryParse(dash < 0 ? name : name[..dash], out var version) ? version : null;
    }
}
