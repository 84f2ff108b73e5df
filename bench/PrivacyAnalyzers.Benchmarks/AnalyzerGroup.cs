using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Corpus;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>
/// A set of analyzers measured together: ours (every analyzer the PrivacyAnalyzers assembly exports, found by
/// reflection as a host finds them, so new rules are measured without edits) or a peer loaded from its assemblies.
/// <see cref="Severities"/> turns on rules a peer ships disabled (NetAnalyzers' security rules).
/// </summary>
internal sealed class AnalyzerGroup
{
    public const string OursName = "PrivacyAnalyzers";
    public const string AspNetCoreName = "ASP.NET Core analyzers";
    public const string NetAnalyzersName = "NetAnalyzers (+security)";
    public const string SecurityCodeScanName = "SecurityCodeScan";

    private static readonly ConcurrentDictionary<string, byte> ProbingDirectories = new(StringComparer.Ordinal);
    private static int resolverInstalled;

    private AnalyzerGroup(string name, string source, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableDictionary<string, ReportDiagnostic> severities, string? note, bool heavy = false)
    {
        this.IsHeavy = heavy;
        this.Name = name;
        this.Source = source;
        this.Analyzers = analyzers;
        this.Severities = severities;
        this.Note = note;
    }

    public string Name { get; }

    /// <summary>Where the analyzers came from (assembly and version).</summary>
    public string Source { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableDictionary<string, ReportDiagnostic> Severities { get; }

    /// <summary>Why the group is empty or partial, if it is.</summary>
    public string? Note { get; }

    public bool IsOurs => this.Name == OursName;

    /// <summary>
    /// A peer that costs many times the compiler (data-flow security rules): measured in its own full pass per
    /// workload (with every other group, on the same compilation) rather than in each of the repeated runs.
    /// </summary>
    public bool IsHeavy { get; }

    public static AnalyzerGroup Ours()
    {
        var assembly = typeof(Descriptors).Assembly;
        return new AnalyzerGroup(OursName, Describe(assembly), Exported(assembly, out _), ImmutableDictionary<string, ReportDiagnostic>.Empty, note: null);
    }

    /// <summary>
    /// Every analyzer of another build of PrivacyAnalyzers.dll (<paramref name="path"/>), loaded in a context of its own
    /// so that it lives beside this build's assembly of the same name; Roslyn itself is shared with the default context.
    /// </summary>
    public static AnalyzerGroup OtherBuild(string path)
    {
        var context = new AssemblyLoadContext("PrivacyAnalyzers " + path, isCollectible: false);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
        var analyzers = Exported(assembly, out var problem);
        return new AnalyzerGroup(OursName, Describe(assembly) + " (" + path + ")", analyzers, ImmutableDictionary<string, ReportDiagnostic>.Empty, problem);
    }

    public static IReadOnlyList<AnalyzerGroup> Peers() => new[]
    {
        Load(AspNetCoreName, () => Directory.GetFiles(CorpusReferences.AspNetCoreAnalyzerDirectory, "*.dll"), enableCategory: null, heavy: false),
        Load(NetAnalyzersName, () => PackageAnalyzers("Microsoft.CodeAnalysis.NetAnalyzers", Path.Combine("analyzers", "dotnet", "cs")), enableCategory: "Security", heavy: true),
        Load(SecurityCodeScanName, () => PackageAnalyzers("SecurityCodeScan.VS2019", Path.Combine("analyzers", "dotnet")), enableCategory: null, heavy: true),
    };

    private static string[] PackageAnalyzers(string packageId, string folder) =>
        Directory.GetFiles(Path.Combine(CorpusReferences.PackageRoot(typeof(AnalyzerGroup).Assembly, packageId), folder), "*.dll");

    /// <summary>Loads every C# analyzer in the files; a group that does not load is kept, empty, with the reason.</summary>
    private static AnalyzerGroup Load(string name, Func<string[]> files, string? enableCategory, bool heavy)
    {
        try
        {
            var paths = files().OrderBy(p => p, StringComparer.Ordinal).ToArray();
            InstallResolver();
            foreach (var directory in paths.Select(Path.GetDirectoryName).Distinct())
            {
                ProbingDirectories.TryAdd(directory!, 0);
            }

            var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            var problems = new List<string>();
            var sources = new List<string>();
            foreach (var path in paths)
            {
                var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
                var exported = Exported(assembly, out var problem);
                if (problem is not null)
                {
                    problems.Add($"{Path.GetFileName(path)}: {problem}");
                }

                if (exported.Length > 0)
                {
                    analyzers.AddRange(exported);
                    sources.Add(Describe(assembly));
                }
            }

            var severities = ImmutableDictionary<string, ReportDiagnostic>.Empty;
            if (enableCategory is not null)
            {
                severities = analyzers
                    .SelectMany(a => a.SupportedDiagnostics)
                    .Where(d => d.Category == enableCategory)
                    .Select(d => d.Id)
                    .Distinct(StringComparer.Ordinal)
                    .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);
            }

            var note = analyzers.Count == 0
                ? "not loaded: " + (problems.Count > 0 ? string.Join("; ", problems) : "no C# analyzers found")
                : problems.Count > 0 ? "partly loaded: " + string.Join("; ", problems) : null;
            return new AnalyzerGroup(name, string.Join(", ", sources), analyzers.ToImmutable(), severities, note, heavy);
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException or FileLoadException)
        {
            return new AnalyzerGroup(name, string.Empty, ImmutableArray<DiagnosticAnalyzer>.Empty, ImmutableDictionary<string, ReportDiagnostic>.Empty, "not loaded: " + exception.Message);
        }
    }

    /// <summary>Instances of the assembly's C# analyzers (suppressors excluded), constructed and asked for their descriptors.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> Exported(Assembly assembly, out string? problem)
    {
        problem = null;
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            types = exception.Types.Where(t => t is not null).ToArray()!;
            var missing = exception.LoaderExceptions.OfType<FileNotFoundException>().Select(e => e.FileName?.Split(',')[0]).Distinct().ToList();
            // IDE-only types (completion, classification: they need the IDE's Features assemblies, which the
            // command-line compiler does not load either) are not a loading problem.
            problem = missing.All(name => name is not null && (name == "Microsoft.CodeAnalysis.Features" || name.StartsWith("Microsoft.CodeAnalysis.ExternalAccess.", StringComparison.Ordinal)))
                ? null
                : $"{exception.LoaderExceptions.Length} types did not load ({string.Join(", ", missing)})";
        }

        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var failed = 0;
        foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsAbstract ||
                !typeof(DiagnosticAnalyzer).IsAssignableFrom(type) ||
                typeof(DiagnosticSuppressor).IsAssignableFrom(type) ||
                type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not { } attribute ||
                !attribute.Languages.Contains(LanguageNames.CSharp))
            {
                continue;
            }

            try
            {
                var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                _ = analyzer.SupportedDiagnostics;
                analyzers.Add(analyzer);
            }
#pragma warning disable CA1031 // A peer analyzer that cannot be constructed on this Roslyn is skipped and counted, whatever it throws.
            catch (Exception)
#pragma warning restore CA1031
            {
                failed++;
            }
        }

        if (failed > 0)
        {
            problem = (problem is null ? string.Empty : problem + "; ") + $"{failed} analyzers could not be created";
        }

        return analyzers.ToImmutable();
    }

    private static string Describe(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString();
        var plus = version?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        return $"{assembly.GetName().Name} {(plus > 0 ? version![..plus] : version)}";
    }

    /// <summary>Peers' own dependencies (e.g. YamlDotNet) resolve from the folder they were loaded from.</summary>
    private static void InstallResolver()
    {
        if (System.Threading.Interlocked.Exchange(ref resolverInstalled, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            foreach (var directory in ProbingDirectories.Keys)
            {
                var candidate = Path.Combine(directory, name.Name + ".dll");
                if (File.Exists(candidate))
                {
                    return context.LoadFromAssemblyPath(candidate);
                }
            }

            return null;
        };
    }
}
