using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;
using PrivacyAnalyzers.Tests.Infrastructure;
using PrivacyAnalyzers.Tests.Robustness;
using Xunit;

namespace PrivacyAnalyzers.Tests.Consent;

/// <summary>
/// PRIV020 and PRIV030 judge a source by the statements around it (<see cref="ConsentStructure"/>) and ask the
/// control-flow graph only where those do not tell. These tests hold the two to the same answer: on shapes written
/// for it, with the answer each should give, and on every snippet of the two rules' tests.
/// </summary>
public sealed class ConsentStructureTests
{
    /// <summary>Each source line ends with what the statements should say: open, guarded, or graph (no answer).</summary>
    private const string Shapes = """
        public class Shapes
        {
            public async Task Plain(IParentalConsents consents, Guid child, bool flag)
            {
                await Geolocation.GetLocationAsync(); // open
                if (consents.HasConsent(child)) { await Geolocation.GetLocationAsync(); } // guarded
                if (!consents.HasConsent(child))
                {
                    await Geolocation.GetLocationAsync(); // open
                }
                else if (flag)
                {
                    await Geolocation.GetLocationAsync(); // guarded
                }

                if (flag && consents.HasConsent(child))
                {
                    await Geolocation.GetLocationAsync(); // guarded
                }
                else
                {
                    await Geolocation.GetLocationAsync(); // open
                }

                if (consents.HasConsent(child) && flag)
                {
                    await Geolocation.GetLocationAsync(); // guarded
                }

                if (flag)
                {
                    consents.EnsureParentalConsent(child);
                    await Geolocation.GetLocationAsync(); // guarded
                }

                await Geolocation.GetLocationAsync(); // open
                var maybe = flag ? await Geolocation.GetLocationAsync() : null; // graph
                var later = consents.HasConsent(child) && await Geolocation.GetLastKnownLocationAsync() is not null; // graph
                Func<Task<Location?>> deferred = () => Geolocation.GetLocationAsync(); // graph
                if (await Geolocation.GetLastKnownLocationAsync() is { } last) // open
                {
                    Console.WriteLine(last);
                }
            }

            public async Task<Location?> EarlyExits(IParentalConsents consents, Guid child, bool flag)
            {
                if (flag)
                {
                    return await Geolocation.GetLocationAsync(); // open
                }

                if (!consents.HasConsent(child))
                {
                    return null;
                }

                if (flag)
                {
                    await Geolocation.GetLocationAsync(); // guarded
                }

                return await Geolocation.GetLocationAsync(); // guarded
            }

            public async Task Throws(IParentalConsents consents, Guid child)
            {
                if (consents.GetConsentStatus(child) != ConsentStatus.Granted)
                {
                    throw new InvalidOperationException();
                }

                await Geolocation.GetLocationAsync(); // guarded
            }

            public async Task Asserts(IParentalConsents consents, Guid child)
            {
                await Geolocation.GetLastKnownLocationAsync(); // open
                await consents.RequireConsentAsync(child);
                await Geolocation.GetLocationAsync(); // guarded
            }

            public async Task Stored(IParentalConsents consents, Guid child)
            {
                var allowed = consents.HasConsent(child);
                if (allowed)
                {
                    await Geolocation.GetLocationAsync(); // guarded
                }
            }

            public async Task Unreachable()
            {
                return;
                await Geolocation.GetLocationAsync(); // guarded
            }

            public async Task Loops(IParentalConsents consents, Guid child, int count)
            {
                await Geolocation.GetLocationAsync(); // open
                while (count-- > 0)
                {
                    await Geolocation.GetLocationAsync(); // graph
                }

                if (consents.HasConsent(child))
                {
                    await Geolocation.GetLocationAsync(); // graph
                }
            }

            public async Task EitherOr(IParentalConsents consents, Guid child, bool flag)
            {
                if (flag || consents.HasConsent(child))
                {
                    await Geolocation.GetLocationAsync(); // graph
                }

                await Geolocation.GetLocationAsync(); // graph
            }

            public async Task ThrowExpression(IParentalConsents consents, Guid child)
            {
                _ = consents.HasConsent(child) ? 0 : throw new InvalidOperationException();
                await Geolocation.GetLocationAsync(); // graph
            }

            public async Task Labels(bool flag)
            {
                await Geolocation.GetLastKnownLocationAsync(); // open
                again:
                await Geolocation.GetLocationAsync(); // graph
                if (flag) goto again;
            }

            public async Task Constant()
            {
                if (false)
                {
                    await Geolocation.GetLocationAsync(); // graph
                }
            }

            public async Task Trying(IParentalConsents consents, Guid child)
            {
                try
                {
                    await Geolocation.GetLocationAsync(); // graph
                }
                catch (Exception) when (consents.HasConsent(child))
                {
                }
            }

            public async Task Local(IParentalConsents consents, Guid child)
            {
                await Inner();
                if (!consents.HasConsent(child)) return;
                await Geolocation.GetLocationAsync(); // guarded

                async Task Inner() => await Geolocation.GetLocationAsync(); // graph
            }
        }
        """;

    [Fact]
    public async Task OnWrittenShapes_TheStatementsAnswerAsExpected_AndAsTheGraphDoes()
    {
        var verdicts = await CompareAsync(GeolocationWithoutConsentTests.Usings + Shapes + GeolocationWithoutConsentTests.Declarations);
        var lines = (GeolocationWithoutConsentTests.Usings + Shapes).Split('\n');

        Assert.Equal(lines.Count(l => l.Contains("Geolocation.Get", StringComparison.Ordinal)), verdicts.Count);
        foreach (var verdict in verdicts)
        {
            var expected = lines[verdict.Line].Trim().Split("// ").Last() switch
            {
                "open" => false,
                "guarded" => true,
                "graph" => (bool?)null,
                var other => throw new InvalidOperationException($"line {verdict.Line + 1} says '{other}'"),
            };

            Assert.True(expected == verdict.ByStatements, $"line {verdict.Line + 1}: expected {Describe(expected)}, the statements said {Describe(verdict.ByStatements)}");
            Assert.True(verdict.ByStatements is null || verdict.ByStatements == verdict.ByGraph, $"line {verdict.Line + 1}: the graph says {Describe(verdict.ByGraph)}");
        }
    }

    [Fact]
    public async Task OnEveryConsentRuleSnippet_TheStatementsAgreeWithTheGraph()
    {
        var tests = Path.Combine(RepositoryPaths.Root, "tests", "PrivacyAnalyzers.Tests", "Consent");
        var inputs = new[]
        {
            (File: "GeolocationWithoutConsentTests.cs", GeolocationWithoutConsentTests.Usings, GeolocationWithoutConsentTests.Declarations),
            (File: "VoiceCaptureWithoutConsentTests.cs", VoiceCaptureWithoutConsentTests.Usings, VoiceCaptureWithoutConsentTests.Declarations),
        };

        var answered = 0;
        var unanswered = 0;
        var disagreements = new List<string>();
        foreach (var (file, usings, declarations) in inputs)
        {
            var snippets = SnippetCollector.FromTestSource(File.ReadAllText(Path.Combine(tests, file))).ToList();
            Assert.NotEmpty(snippets);
            for (var i = 0; i < snippets.Count; i++)
            {
                foreach (var verdict in await CompareAsync(usings + snippets[i] + declarations))
                {
                    if (verdict.ByStatements is null)
                    {
                        unanswered++;
                    }
                    else if (verdict.ByStatements == verdict.ByGraph)
                    {
                        answered++;
                    }
                    else
                    {
                        disagreements.Add($"{file} snippet #{i}, line {verdict.Line + 1}: statements {Describe(verdict.ByStatements)}, graph {Describe(verdict.ByGraph)}");
                    }
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));

        // Both ways of judging are exercised: a test that never reaches one of them would prove nothing.
        Assert.True(answered >= 95, $"the statements answered {answered} sources ({unanswered} not)");
        Assert.True(unanswered >= 25, $"the graph was needed for {unanswered} sources ({answered} answered)");
    }

    private static string Describe(bool? verdict) => verdict switch
    {
        true => "guarded",
        false => "open",
        null => "nothing",
    };

    private static async Task<List<Verdict>> CompareAsync(string source)
    {
        var sources = new[] { source }.Concat(PlatformStubs.All).ToArray();
        var comparison = new GuardComparison();
        var result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), ImmutableArray.Create<DiagnosticAnalyzer>(comparison));
        Assert.Empty(result.Exceptions);
        return comparison.Verdicts.Where(v => v.Path == "/src/File0.cs").OrderBy(v => v.Line).ToList();
    }

    private sealed record Verdict(string Path, int Line, bool? ByStatements, bool ByGraph);

    /// <summary>For every location and voice source of every block, both answers. Handed to the host directly, never exported.</summary>
#pragma warning disable RS1001 // Not exported: with the attribute it would be a compiler extension in a net10.0 test assembly (RS1038, RS1041).
    private sealed class GuardComparison : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        public ConcurrentBag<Verdict> Verdicts { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.GeolocationWithoutConsent);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                this.Register(start, LocationSources.For(start.Compilation), CollectedData.Location, DiagnosticIds.GeolocationWithoutConsent);
                this.Register(start, VoiceCaptureSources.For(start.Compilation), CollectedData.Voice, DiagnosticIds.VoiceCaptureWithoutConsent);
            });
        }

        private void Register(CompilationStartAnalysisContext start, ICollectionSources sources, CollectedData data, string ruleId)
        {
            var consent = ConsentModel.For(start.Compilation, data);
            start.RegisterOperationBlockAction(context =>
            {
                foreach (var block in context.OperationBlocks.Where(b => b is IBlockOperation or IMethodBodyOperation))
                {
                    var settings = ConsentSettings.Read(context.Options, ruleId, block.Syntax.SyntaxTree, context.Compilation);
                    var guard = new ConsentGuard(consent, settings, context.CancellationToken);
                    foreach (var operation in block.DescendantsAndSelf())
                    {
                        if (sources.Match(operation, SymbolSet.Empty, context.CancellationToken) is not null)
                        {
                            var line = operation.Syntax.GetLocation().GetLineSpan();
                            this.Verdicts.Add(new Verdict(
                                line.Path,
                                line.StartLinePosition.Line,
                                guard.IsGuardedByStatements(block, operation),
                                guard.IsGuarded(context.GetControlFlowGraph(block), block, operation)));
                        }
                    }
                }
            });
        }
    }
}
