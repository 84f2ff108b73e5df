using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>
/// Measures one workload: after a warm-up, <c>runs</c> times on fresh compilations, (1) the compiler alone (every
/// compiler diagnostic, which binds every method body) and (2) our analyzers and the light peers (ASP.NET Core's)
/// together on one <see cref="CompilationWithAnalyzers"/> with execution times logged, so that they share the same
/// compilation and the same moment; figures are medians. Then one pass with every group, heavy peers included, on
/// the same compilation: the heavy peers' figures come from it. A light group's allocations are the difference
/// between the light pass and one without that group (allocation counts of single-threaded passes are stable).
/// </summary>
internal static class Measurer
{
    public static async Task<WorkloadResult> MeasureAsync(Workload workload, IReadOnlyList<AnalyzerGroup> groups, int runs, bool allocations, bool allocationsPerAnalyzer, Action<string> progress)
    {
        var light = groups.Where(g => !g.IsHeavy).SelectMany(g => g.Analyzers).ToImmutableArray();
        var all = groups.SelectMany(g => g.Analyzers).ToImmutableArray();
        var groupOf = new Dictionary<DiagnosticAnalyzer, AnalyzerGroup>();
        foreach (var group in groups)
        {
            foreach (var analyzer in group.Analyzers)
            {
                groupOf[analyzer] = group;
            }
        }

        var compilerMs = new List<double>();
        var compilerBytes = new List<double>();
        var analysisWallMs = new List<double>();
        var analysisBytes = new List<double>();
        var analyzerMs = all.ToDictionary(a => a, _ => new List<double>());
        IReadOnlyList<string> errors = Array.Empty<string>();
        var errorCount = 0;
        AnalysisPass? measured = null;

        for (var run = 0; run <= runs; run++)
        {
            var warmUp = run == 0;
            var compiler = MeasureCompiler(workload);
            var analysis = await AnalyzeAsync(workload, light, logTimes: true).ConfigureAwait(false);
            progress($"  {workload.Name}: {(warmUp ? "warm-up" : $"run {run}/{runs}")}: compiler {compiler.Milliseconds:F0} ms, analysis pass {analysis.WallMilliseconds:F0} ms");
            if (warmUp)
            {
                errorCount = compiler.Errors.Length;
                errors = compiler.Errors.Take(5).Select(e => e.ToString()).ToList();
                continue;
            }

            measured ??= analysis;
            compilerMs.Add(compiler.Milliseconds);
            compilerBytes.Add(compiler.AllocatedBytes);
            analysisWallMs.Add(analysis.WallMilliseconds);
            analysisBytes.Add(analysis.AllocatedBytes);
            foreach (var analyzer in light)
            {
                analyzerMs[analyzer].Add(analysis.Times[analyzer].TotalMilliseconds);
            }
        }

        // The heavy peers: one pass with every group on the same compilation.
        AnalysisPass? full = null;
        if (all.Length > light.Length)
        {
            full = await AnalyzeAsync(workload, all, logTimes: true).ConfigureAwait(false);
            progress($"  {workload.Name}: pass with every peer: {full.WallMilliseconds:F0} ms");
            foreach (var analyzer in all.Except(light))
            {
                analyzerMs[analyzer].Add(full.Times[analyzer].TotalMilliseconds);
            }
        }

        var compilerMedian = Statistics.Median(compilerMs);
        var lightBytes = Statistics.Median(analysisBytes);
        var lightGroups = groups.Where(g => !g.IsHeavy && g.Analyzers.Length > 0).ToList();
        var groupResults = new List<GroupResult>();
        foreach (var group in groups)
        {
            double? marginalBytes = null;
            if (allocations && !group.IsHeavy && lightGroups.Count > 1 && group.Analyzers.Length > 0)
            {
                var without = await AnalyzeAsync(workload, light.Where(a => groupOf[a] != group).ToImmutableArray(), logTimes: false).ConfigureAwait(false);
                marginalBytes = Math.Max(0, lightBytes - without.AllocatedBytes);
            }

            var source = group.IsHeavy ? full! : measured!;
            var perAnalyzer = new List<AnalyzerResult>();
            foreach (var analyzer in group.Analyzers)
            {
                double? bytes = null;
                if (allocationsPerAnalyzer && group.IsOurs)
                {
                    var without = await AnalyzeAsync(workload, light.Remove(analyzer), logTimes: false).ConfigureAwait(false);
                    bytes = Math.Max(0, lightBytes - without.AllocatedBytes);
                }

                perAnalyzer.Add(new AnalyzerResult(analyzer.GetType().Name, Statistics.Median(analyzerMs[analyzer]), bytes));
            }

            perAnalyzer = perAnalyzer.OrderByDescending(a => a.Milliseconds).ToList();
            var ids = group.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var perRun = GroupTotals(group, analyzerMs);
            var total = Statistics.Median(perRun);

            // A light group's share: the median of each run's ratio, both halves measured moments apart (robust to
            // load from other processes); a heavy group's: its one pass against the compiler's median.
            var sharePerRun = group.IsHeavy || perRun.Count != compilerMs.Count
                ? new List<double> { compilerMedian > 0 ? total / compilerMedian : double.NaN }
                : perRun.Zip(compilerMs, (analyzers, compiler) => analyzers / compiler).ToList();
            var share = Statistics.Median(sharePerRun);
            groupResults.Add(new GroupResult(
                group.Name,
                group.Source,
                group.Note,
                group.Analyzers.Length,
                group.IsHeavy ? 1 : runs,
                total,
                share,
                sharePerRun,
                marginalBytes,
                source.Exceptions.Where(e => groupOf[e.Analyzer] == group).Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList(),
                source.DiagnosticIds.Where(ids.Contains)
                    .GroupBy(id => id, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                perAnalyzer));
        }

        double? versusAspNetCore = null;
        var versusAspNetCorePerRun = new List<double>();
        if (groups.FirstOrDefault(g => g.Name == AnalyzerGroup.AspNetCoreName && g.Analyzers.Length > 0) is { } aspNetCore &&
            groups.FirstOrDefault(g => g.IsOurs) is { } ours)
        {
            versusAspNetCorePerRun = GroupTotals(ours, analyzerMs).Zip(GroupTotals(aspNetCore, analyzerMs), (a, b) => a / b).ToList();
            versusAspNetCore = Statistics.Median(versusAspNetCorePerRun);
        }

        return new WorkloadResult(
            workload.Name,
            workload.Kind,
            workload.Size,
            workload.Unit,
            workload.Lines,
            workload.Files,
            runs,
            compilerMedian,
            Statistics.Median(compilerBytes),
            Statistics.Median(analysisWallMs),
            lightBytes,
            errorCount,
            errors,
            workload.Planted.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            versusAspNetCore,
            versusAspNetCorePerRun,
            groupResults);
    }

    /// <summary>The group's summed execution time in each run.</summary>
    private static List<double> GroupTotals(AnalyzerGroup group, Dictionary<DiagnosticAnalyzer, List<double>> analyzerMs)
    {
        var runs = group.Analyzers.Length == 0 ? 0 : group.Analyzers.Min(a => analyzerMs[a].Count);
        return Enumerable.Range(0, runs).Select(run => group.Analyzers.Sum(a => analyzerMs[a][run])).ToList();
    }

    private static (double Milliseconds, double AllocatedBytes, ImmutableArray<Diagnostic> Errors) MeasureCompiler(Workload workload)
    {
        var compilation = workload.Fresh();
        Quiesce();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var diagnostics = compilation.GetDiagnostics();
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        return (watch.Elapsed.TotalMilliseconds, allocated, diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
    }

    private static async Task<AnalysisPass> AnalyzeAsync(Workload workload, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logTimes)
    {
        var exceptions = new ConcurrentBag<(DiagnosticAnalyzer Analyzer, string Text)>();
        var options = new CompilationWithAnalyzersOptions(
            workload.Options,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add((analyzer, $"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}")),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: logTimes,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = workload.Fresh().WithAnalyzers(analyzers, options);

        Quiesce();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;

        var times = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
        if (logTimes)
        {
            foreach (var analyzer in analyzers)
            {
                times[analyzer] = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime;
            }
        }

        // Only ids are kept: a diagnostic can hold on to its compilation.
        return new AnalysisPass(watch.Elapsed.TotalMilliseconds, allocated, times, diagnostics.Where(d => d.Id != "AD0001").Select(d => d.Id).ToList(), exceptions.ToList());
    }

    private static void Quiesce()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private sealed record AnalysisPass(
        double WallMilliseconds,
        double AllocatedBytes,
        IReadOnlyDictionary<DiagnosticAnalyzer, TimeSpan> Times,
        IReadOnlyList<string> DiagnosticIds,
        IReadOnlyList<(DiagnosticAnalyzer Analyzer, string Text)> Exceptions);
}
