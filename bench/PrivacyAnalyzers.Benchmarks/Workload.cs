using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Corpus;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>
/// One thing to measure: a parsed compilation (never bound: each run analyzes a <see cref="Compilation.Clone"/>),
/// its analyzer options and what is known about it. Compilations are single-threaded (concurrentBuild off, and
/// the analyzer pass runs without concurrency), so compiler and analyzer times are both sums of work and can be
/// compared, whatever else the machine is doing.
/// </summary>
internal sealed class Workload
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> CorpusMetadata = new(() =>
        CorpusReferences.All.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray());

    private readonly Compilation template;

    public Workload(string name, string kind, int size, string unit, Compilation template, AnalyzerOptions options, IReadOnlyDictionary<string, int> planted)
    {
        this.Name = name;
        this.Kind = kind;
        this.Size = size;
        this.Unit = unit;
        this.template = template;
        this.Options = options;
        this.Planted = planted;
        this.Files = template.SyntaxTrees.Count();
        this.Lines = template.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
    }

    public string Name { get; }

    /// <summary>synthetic, pathological or project.</summary>
    public string Kind { get; }

    /// <summary>The size parameter the growth exponent is computed against (lines for corpora).</summary>
    public int Size { get; }

    public string Unit { get; }

    public int Lines { get; }

    public int Files { get; }

    public AnalyzerOptions Options { get; }

    public IReadOnlyDictionary<string, int> Planted { get; }

    /// <summary>A compilation with nothing bound yet.</summary>
    public Compilation Fresh() => this.template.Clone();

    public static CSharpParseOptions ParseOptions { get; } = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    public static Workload Synthetic(SyntheticCorpus corpus, ImmutableDictionary<string, ReportDiagnostic> severities) =>
        new(
            $"synthetic {corpus.TargetLines / 1000}k",
            "synthetic",
            corpus.Lines,
            "lines",
            Compile("Synthetic", corpus.Files, OutputKind.ConsoleApplication, severities),
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            corpus.Planted);

    public static Workload Pathological(PathologicalInput input, ImmutableDictionary<string, ReportDiagnostic> severities) =>
        new(
            input.Name,
            "pathological",
            input.Size,
            input.Unit,
            Compile("Pathological", input.Files, OutputKind.DynamicallyLinkedLibrary, severities),
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            input.Planted);

    private static CSharpCompilation Compile(string name, IEnumerable<CorpusFile> files, OutputKind kind, ImmutableDictionary<string, ReportDiagnostic> severities) =>
        CSharpCompilation.Create(
            name,
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)),
            CorpusMetadata.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false)
                .WithSpecificDiagnosticOptions(severities));
}
