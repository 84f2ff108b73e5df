using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Corpus;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.Robustness;

/// <summary>
/// The IDE cancels analysis on every keystroke. Cancelled mid-way, analysis must stop (an
/// <see cref="OperationCanceledException"/>, not a hang or an analyzer exception) and leave nothing half-done
/// behind: analyzed again, the same compilation gives exactly what an uncancelled run gives.
/// </summary>
public sealed class CancellationTests
{
    /// <summary>Generous: a hang detector, not a timing assertion (the benchmark measures time).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Analysis_CancelledMidway_StopsWithOperationCanceled_AndLeavesNothingHalfDone()
    {
        var corpus = CorpusGenerator.Generate(8_000, seed: 17);
        var expected = await AnalyzerRunner.RunAsync(CorpusCompilation.Create(corpus.Files), ProductCatalog.Analyzers);
        Assert.NotEmpty(expected.Diagnostics);

        // The same compilation throughout: what the analyzers cache per compilation, symbol or operation tree
        // (known types, verdicts about locals and fields) outlives the cancelled run.
        var compilation = CorpusCompilation.Create(corpus.Files);
        using var cancellation = new CancellationTokenSource();
        var probe = new CancelAfterAnalyzer(cancellation, invocations: 500);
        var exceptions = new ConcurrentBag<string>();
        var cancelled = compilation.WithAnalyzers(ProductCatalog.Analyzers.Add(probe), Options(exceptions))
            .GetAnalyzerDiagnosticsAsync(cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Bound));
        Assert.True(probe.Cancelled, "the analysis finished before it could be cancelled: make the corpus larger");

        var again = await compilation.WithAnalyzers(ProductCatalog.Analyzers, Options(exceptions))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).WaitAsync(Bound);
        Assert.Empty(exceptions);
        CorpusCompilation.AssertSame(CorpusCompilation.Sorted(expected.Diagnostics), CorpusCompilation.Sorted(again), "analysis after the cancelled one");
    }

    private static CompilationWithAnalyzersOptions Options(ConcurrentBag<string> exceptions) =>
        new(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);

    [Fact]
    public async Task Analysis_WithATokenCancelledBeforehand_DoesNotStart()
    {
        var compilation = CorpusCompilation.Create(CorpusGenerator.Generate(2_000, seed: 1).Files);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => AnalyzerRunner.RunAsync(compilation, ProductCatalog.Analyzers, cancellationToken: new CancellationToken(canceled: true)).WaitAsync(Bound));
    }

    /// <summary>
    /// Cancels the analysis from inside it, once it has seen some invocations: cancellation mid-way, every time.
    /// Handed to the host directly, never exported (no [DiagnosticAnalyzer]: it is not a shipped analyzer).
    /// </summary>
#pragma warning disable RS1001 // Deliberately not exported: with the attribute it would be a compiler extension in a net10.0 test assembly (RS1038, RS1041).
    private sealed class CancelAfterAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Release tracking is for shipped rules; this probe never reports.
        private static readonly DiagnosticDescriptor Never = new("PROBE01", "Probe", "Probe", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008
        private readonly CancellationTokenSource cancellation;
        private readonly int invocations;
        private int seen;

        public CancelAfterAnalyzer(CancellationTokenSource cancellation, int invocations)
        {
            this.cancellation = cancellation;
            this.invocations = invocations;
        }

        public bool Cancelled => this.cancellation.IsCancellationRequested;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterOperationAction(
                _ =>
                {
                    if (Interlocked.Increment(ref this.seen) == this.invocations)
                    {
                        this.cancellation.Cancel();
                    }
                },
                OperationKind.Invocation));
        }
    }
}
