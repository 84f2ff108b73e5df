using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Corpus;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>
/// <c>--compare other/PrivacyAnalyzers.dll</c>: this build of our analyzers against another, in one process, on one
/// synthetic corpus, in alternating runs (A B, B A, ...) on fresh clones of the same compilation, each callback timed
/// without the collection pauses inside it (<see cref="CallbackTimer"/>). Separate benchmark runs cannot tell 10-20 %
/// apart: the machine's speed drifts by that much within the hour, and a pause landing in one of our callbacks adds up
/// to half a second to one run. Reports medians per analyzer; the findings of both builds must be the same.
/// </summary>
internal static class BuildComparison
{
    public static async Task<int> RunAsync(BenchOptions options, Action<string> progress)
    {
        if (!File.Exists(options.Compare))
        {
            Console.Error.WriteLine($"--compare: {options.Compare} does not exist (give another build's PrivacyAnalyzers.dll)");
            return 2;
        }

        (string Name, AnalyzerGroup Group)[] builds = { ("this build", AnalyzerGroup.Ours()), ("other build", AnalyzerGroup.OtherBuild(options.Compare!)) };
        foreach (var (name, group) in builds)
        {
            var note = group.Note is null ? string.Empty : " (" + group.Note + ")";
            progress($"{name}: {group.Analyzers.Length} analyzers from {group.Source}{note}");
        }

        var size = options.Sizes[0];
        var corpus = CorpusGenerator.Generate(size, options.Seed);
        progress($"synthetic corpus: {corpus.Lines:N0} lines in {corpus.Files.Count:N0} files (seed {options.Seed}); " +
                 $"{options.Runs} runs of each build after one warm-up each");
        var workload = Workload.Synthetic(corpus, ImmutableDictionary<string, ReportDiagnostic>.Empty);
        var timers = builds.Select(b => b.Group.Analyzers.Select(a => new CallbackTimer(a)).ToImmutableArray()).ToArray();
        var times = timers.Select(_ => new Dictionary<string, List<double>>(StringComparer.Ordinal)).ToArray();
        var bytes = timers.Select(_ => new Dictionary<string, List<double>>(StringComparer.Ordinal)).ToArray();
        var findings = new string?[builds.Length];

        for (var run = -1; run < options.Runs; run++)
        {
            // Alternate which build goes first, so that neither always follows the other's leftovers.
            for (var k = 0; k < builds.Length; k++)
            {
                var build = (run + 1 + k) % builds.Length;
                var found = await AnalyzeAsync(workload, timers[build]).ConfigureAwait(false);
                if (findings[build] is null)
                {
                    findings[build] = found;
                }
                else if (findings[build] != found)
                {
                    progress($"{builds[build].Name}: findings changed between runs: {findings[build]} / {found}");
                }

                var total = timers[build].Sum(t => t.Milliseconds);
                foreach (var timer in timers[build])
                {
                    if (run >= 0)
                    {
                        Add(times[build], timer.Inner.GetType().Name, timer.Milliseconds);
                        Add(bytes[build], timer.Inner.GetType().Name, timer.AllocatedBytes / 1e6);
                    }

                    timer.Reset();
                }

                var label = run < 0 ? "warm-up" : $"run {run + 1}/{options.Runs}";
                progress($"  {label}, {builds[build].Name}: {total:F0} ms");
            }
        }

        Console.WriteLine(Render(builds.Select(b => b.Name).ToArray(), corpus.Lines, options.Runs, times, bytes));
        var same = findings[0] == findings[1];
        Console.WriteLine(same
            ? $"Findings, the same for both: {findings[0]}"
            : $"Findings differ: this build {findings[0]}; other build {findings[1]}");
        return same ? 0 : 1;
    }

    private static void Add(Dictionary<string, List<double>> figures, string analyzer, double value)
    {
        if (!figures.TryGetValue(analyzer, out var list))
        {
            figures[analyzer] = list = new List<double>();
        }

        list.Add(value);
    }

    private static async Task<string> AnalyzeAsync(Workload workload, ImmutableArray<CallbackTimer> analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(
            workload.Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var withAnalyzers = workload.Fresh().WithAnalyzers(ImmutableArray<DiagnosticAnalyzer>.CastUp(analyzers), options);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var byId = diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal);
        return string.Join(", ", byId.Select(g => $"{g.Key} {g.Count()}"));
    }

    private static string Render(string[] names, int lines, int runs, Dictionary<string, List<double>>[] times, Dictionary<string, List<double>>[] bytes)
    {
        static string Ms(double value) => value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";
        static string Mb(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " MB";
        static string Change(double mine, double other) => other <= 0 ? "n/a" : ((mine / other) - 1).ToString("+0%;-0%;0%", CultureInfo.InvariantCulture);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Callback time without collection pauses, median of {runs} alternating runs on {lines:N0} lines (min–max), and allocations:");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Analyzer | {names[0]} | {names[1]} | change | {names[0]} allocations | {names[1]} allocations |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        var analyzers = times[0].Keys.Union(times[1].Keys).OrderByDescending(a => times[0].TryGetValue(a, out var t) ? Statistics.Median(t) : 0).ToList();
        foreach (var analyzer in analyzers.Prepend("total"))
        {
            IReadOnlyList<double> Series(Dictionary<string, List<double>> figures) =>
                analyzer == "total"
                    ? Enumerable.Range(0, runs).Select(run => figures.Values.Sum(list => list[run])).ToList()
                    : figures.TryGetValue(analyzer, out var list) ? list : new List<double> { 0 };

            string Cell(Dictionary<string, List<double>> figures) =>
                $"{Ms(Statistics.Median(Series(figures)))} ({Ms(Series(figures).Min())}–{Ms(Series(figures).Max())})";

            var mine = Statistics.Median(Series(times[0]));
            var other = Statistics.Median(Series(times[1]));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {(analyzer == "total" ? "**total**" : analyzer)} | {Cell(times[0])} | {Cell(times[1])} | {Change(mine, other)} | {Mb(Statistics.Median(Series(bytes[0])))} | {Mb(Statistics.Median(Series(bytes[1])))} |");
        }

        return text.ToString();
    }
}
