using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PrivacyAnalyzers.Tests.Verifiers;

/// <summary>
/// The assemblies test compilations reference: the real .NET and ASP.NET Core reference assemblies (and
/// listed packages) this test project was built against, which the build lists in
/// test-compilation-references.txt as <c>origin|path</c> lines. Nothing is downloaded at test time.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<(string Origin, MetadataReference Reference)>> LazyAll = new(Load);


    /// <summary>A reference set that resolves to nothing, so that only the references added from here are used.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>Everything: .NET, ASP.NET Core (with Identity) and the listed packages.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = LazyAll.Value.Select(r => r.Reference).ToImmutableArray();

    /// <summary>.NET alone: for the "types absent, rule silent" cases.</summary>
    public static ImmutableArray<MetadataReference> NetCoreOnly { get; } =
        LazyAll.Value.Where(r => r.Origin == "Microsoft.NETCore.App.Ref").Select(r => r.Reference).ToImmutableArray();

    private static ImmutableArray<(string, MetadataReference)> Load()
    {
        var list = Path.Combine(AppContext.BaseDirectory, "test-compilation-references.txt");
        if (!File.Exists(list))
        {
            throw new InvalidOperationException($"{list} is missing: build the test project (its WriteTestCompilationReferences target writes it).");
        }

        return File.ReadAllLines(list)
            .Select(line => line.Split('|', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0], (MetadataReference)MetadataReference.CreateFromFile(parts[1])))
            .ToImmutableArray();
    }
}
