using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PrivacyAnalyzers.Corpus;
using PrivacyAnalyzers.Tests.Infrastructure;
using PrivacyAnalyzers.Tests.Verifiers;
using Xunit;

namespace PrivacyAnalyzers.Tests.Robustness;

/// <summary>
/// Concurrent execution does not change what is found: two concurrent runs (and a sequential one) on fresh
/// compilations of the same code report the same diagnostics: ids, locations and messages.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task TheSample_AnalyzedTwiceConcurrently_GivesIdenticalDiagnostics()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples");
        var files = SnippetCollector.SourceFiles(sample)
            .Select(f => new CorpusFile(Path.GetRelativePath(sample, f), File.ReadAllText(f), 0))
            .Append(new CorpusFile("GlobalUsings.g.cs", SnippetCollector.WebImplicitUsings, 0))
            .ToList();
        CSharpCompilation Compile() => CSharpCompilation.Create(
            "Sample",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), f.Path)),
            TestReferences.All.AddRange(CorpusReferences.EntityFrameworkCore.Select(p => MetadataReference.CreateFromFile(p))),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        await AssertDeterministic(Compile);
    }

    [Fact]
    public async Task TheSyntheticCorpus_AnalyzedTwiceConcurrently_GivesIdenticalDiagnostics()
    {
        var corpus = CorpusGenerator.Generate(10_000, seed: 3);

        await AssertDeterministic(() => CorpusCompilation.Create(corpus.Files));
    }

    private static async Task AssertDeterministic(System.Func<Compilation> compile)
    {
        var first = await AnalyzerRunner.RunAsync(compile(), ProductCatalog.Analyzers);
        var second = await AnalyzerRunner.RunAsync(compile(), ProductCatalog.Analyzers);
        var sequential = await AnalyzerRunner.RunAsync(compile(), ProductCatalog.Analyzers, concurrent: false);

        Assert.Empty(first.Exceptions.Concat(second.Exceptions).Concat(sequential.Exceptions));
        var expected = CorpusCompilation.Sorted(first.Diagnostics);
        Assert.NotEmpty(expected);
        CorpusCompilation.AssertSame(expected, CorpusCompilation.Sorted(second.Diagnostics), "second concurrent run");
        CorpusCompilation.AssertSame(expected, CorpusCompilation.Sorted(sequential.Diagnostics), "sequential run");
    }
}
