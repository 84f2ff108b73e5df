using System.Linq;
using System.Threading.Tasks;
using PrivacyAnalyzers.Corpus;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.Robustness;

/// <summary>
/// Inputs shaped to break a careless analyzer: a 20,000-line method, deeply nested lambdas, 5,000 endpoints in one
/// file, a generated file, methods that log thousands of locals or read the location thousands of times, a class with
/// thousands of lockout fields. No analyzer throws, none gives up early (every planted sign-in, logged coordinate and
/// unguarded location read is found), and generated code is left alone. Whether time stays proportional on them is
/// the benchmark's job (bench/PrivacyAnalyzers.Benchmarks measures each at two sizes): no timing assertions here.
/// </summary>
public sealed class PathologicalInputTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var input in PathologicalInput.All())
        {
            data.Add(input.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task EveryAnalyzer_OnPathologicalInput_NeverThrows_AndFindsWhatIsPlanted(string name)
    {
        var input = PathologicalInput.All().Single(i => i.Name == name);
        var compilation = AnalyzerRunner.Compile(input.Files.Select(f => f.Text).ToArray());

        var result = await AnalyzerRunner.RunAsync(compilation, ProductCatalog.Analyzers);

        Assert.True(result.Exceptions.IsEmpty, string.Join("\n", result.Exceptions));
        var (pattern, planted) = input.Planted.Single();
        var rule = pattern switch
        {
            PlantedPattern.SignInWithoutLockout => DiagnosticIds.PasswordSignInWithoutLockout,
            PlantedPattern.LocationLogged => DiagnosticIds.LocationWrittenToLog,
            PlantedPattern.LocationWithoutConsent => DiagnosticIds.GeolocationWithoutConsent,
            _ => throw new System.InvalidOperationException("No rule for the planted pattern " + pattern),
        };
        Assert.Equal(planted, result.Ids.Count(id => id == rule));
        if (input.IsGenerated)
        {
            Assert.DoesNotContain(DiagnosticIds.WeakIdentityOptions, result.Ids);
        }
    }
}
