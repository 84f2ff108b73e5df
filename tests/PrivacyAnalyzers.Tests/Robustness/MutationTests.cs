using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PrivacyAnalyzers.Tests.Infrastructure;
using PrivacyAnalyzers.Tests.Verifiers;
using Xunit;

namespace PrivacyAnalyzers.Tests.Robustness;

/// <summary>
/// Every exported analyzer on thousands of broken variants of every snippet the rule tests use and of the sample
/// app: none may throw (a throw is an AD0001 warning in a user's build, on every keystroke). Seeded, so a failure
/// reproduces; <c>PRIVACY_MUTANTS</c> asks for more mutants and <c>PRIVACY_MUTATION_SEED</c> for other ones.
/// </summary>
public sealed class MutationTests
{
    private const int DefaultMutants = 2_000;
    private const int DefaultSeed = 20_260_101;

    /// <summary>Mutants analyzed together, each its own syntax tree, so that 2,000 fit CI's time.</summary>
    private const int BatchSize = 40;

    [Fact]
    public void Snippets_AreFoundInTheRuleTestsAndTheSample()
    {
        var snippets = SnippetCollector.Collect();

        Assert.Contains(snippets, s => s.Origin.StartsWith("samples", StringComparison.Ordinal));
        Assert.True(snippets.Count(s => s.Origin.StartsWith("tests", StringComparison.Ordinal)) >= 10, string.Join("\n", snippets.Select(s => s.Origin)));
        Assert.All(snippets, s => Assert.DoesNotContain("{|#", s.Text, StringComparison.Ordinal));
        Assert.All(snippets, s => Assert.DoesNotContain("[|", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void SnippetsBuiltFromConstants_AreJoinedAndStripped()
    {
        const string testSource = """"
            class T
            {
                private const string Usings = """
                    using System;

                    """;

                void M()
                {
                    var source = Usings + """
                        class C { void M() => {|#0:Console.WriteLine()|}; [|int|] x; }
                        """;
                    var notCode = "dotnet_code_quality.PRIV041.max_failed_access_attempts = 5";
                }
            }
            """";

        var snippet = Assert.Single(SnippetCollector.FromTestSource(testSource));

        Assert.Equal("using System;\nclass C { void M() => Console.WriteLine(); int x; }", snippet.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryAnalyzer_OnMutantsOfTheTestSnippetsAndTheSample_NeverThrows()
    {
        var count = EnvironmentNumber("PRIVACY_MUTANTS", DefaultMutants);
        var seed = EnvironmentNumber("PRIVACY_MUTATION_SEED", DefaultSeed);
        var snippets = SnippetCollector.Collect();
        var random = new Random(seed);
        var mutants = new List<Mutant>(count);
        for (var i = 0; i < count; i++)
        {
            // Round robin over the snippets, so each is mutated about as often as the others.
            var snippet = snippets[i % snippets.Count];
            var mutantSeed = random.Next();
            mutants.Add(new Mutant(i, mutantSeed, snippet.Origin, Mutator.Mutate(snippet.Text, new Random(mutantSeed))));
        }

        var failures = new List<string>();
        foreach (var batch in mutants.Chunk(BatchSize))
        {
            var result = await AnalyzerRunner.RunAsync(Compile(batch), ProductCatalog.Analyzers);
            if (result.Exceptions.IsEmpty)
            {
                continue;
            }

            // Find the mutant(s) of the batch that make an analyzer throw.
            foreach (var mutant in batch)
            {
                var alone = await AnalyzerRunner.RunAsync(Compile(new[] { mutant }), ProductCatalog.Analyzers);
                if (!alone.Exceptions.IsEmpty)
                {
                    failures.Add(Describe(seed, mutant, alone.Exceptions));
                }
            }

            if (failures.Count == 0)
            {
                failures.Add($"seed {seed}: batch of mutants {batch[0].Index}..{batch[^1].Index} throws only together:\n{string.Join("\n", result.Exceptions)}\n" +
                    string.Join("\n", batch.Select(m => $"--- mutant {m.Index} of {m.Origin} ---\n{m.Source}")));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {count} mutants (seed {seed}) make an analyzer throw:\n\n" + string.Join("\n\n", failures.Take(5)));
    }

    private static CSharpCompilation Compile(IEnumerable<Mutant> mutants)
    {
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = mutants
            .Select(m => CSharpSyntaxTree.ParseText(m.Source, parse, path: $"/mutants/Mutant{m.Index}.cs"))
            .Append(CSharpSyntaxTree.ParseText(SnippetCollector.WebImplicitUsings, parse, path: "/mutants/GlobalUsings.g.cs"));
        return CSharpCompilation.Create(
            "Mutants",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static string Describe(int seed, Mutant mutant, IEnumerable<string> exceptions)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed {seed}, mutant {mutant.Index} (its own seed {mutant.Seed}) of {mutant.Origin}");
        text.Append(CultureInfo.InvariantCulture, $" — reproduce with PRIVACY_MUTATION_SEED={seed} PRIVACY_MUTANTS={mutant.Index + 1}:\n");
        foreach (var exception in exceptions)
        {
            text.AppendLine(exception);
        }

        text.AppendLine("--- mutant source ---").AppendLine(mutant.Source).Append("--- end ---");
        return text.ToString();
    }

    private static int EnvironmentNumber(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private sealed record Mutant(int Index, int Seed, string Origin, string Source);
}
