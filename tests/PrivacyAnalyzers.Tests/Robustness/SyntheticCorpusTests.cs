using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PrivacyAnalyzers.Corpus;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.Robustness;

/// <summary>
/// The benchmark's corpus is what it claims to be: deterministic, free of compiler errors (so the benchmark measures
/// real binding, not error recovery), and its planted patterns are exactly what the rules that target them find.
/// </summary>
public sealed class SyntheticCorpusTests
{
    [Fact]
    public void SameSeed_SameCorpus_OtherSeed_OtherCorpus()
    {
        var first = CorpusGenerator.Generate(3_000, seed: 5);
        var again = CorpusGenerator.Generate(3_000, seed: 5);
        var other = CorpusGenerator.Generate(3_000, seed: 6);

        Assert.Equal(first.Files.Select(f => f.Path + f.Text), again.Files.Select(f => f.Path + f.Text));
        Assert.NotEqual(first.Files.Select(f => f.Text), other.Files.Select(f => f.Text));
        Assert.InRange(first.Lines, 3_000, 4_500);
    }

    [Fact]
    public async Task Corpus_CompilesWithoutErrors_AndTheRulesFindExactlyThePlantedPatterns()
    {
        var corpus = CorpusGenerator.Generate(10_000, seed: 11);
        var compilation = CorpusCompilation.Create(corpus.Files);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));

        var result = await AnalyzerRunner.RunAsync(compilation, ProductCatalog.Analyzers);
        Assert.Empty(result.Exceptions);
        Assert.True(corpus.PlantedCount(PlantedPattern.SignInWithoutLockout) > 0 && corpus.PlantedCount(PlantedPattern.WeakIdentityOption) > 0);
        Assert.Equal(corpus.PlantedCount(PlantedPattern.SignInWithoutLockout), result.Ids.Count(id => id == DiagnosticIds.PasswordSignInWithoutLockout));
        Assert.Equal(corpus.PlantedCount(PlantedPattern.WeakIdentityOption), result.Ids.Count(id => id == DiagnosticIds.WeakIdentityOptions));
    }
}
