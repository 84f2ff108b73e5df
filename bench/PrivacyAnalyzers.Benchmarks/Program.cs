using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using PrivacyAnalyzers.Corpus;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>
/// How much time our analyzers add to a build, next to peer analyzers on the same compilation: see
/// <see cref="BenchOptions.Usage"/> and the README's Performance section.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        if (options.Solution is not null)
        {
            // Before any MSBuild type is loaded, i.e. before the method that uses MSBuildWorkspace is compiled.
            MSBuildLocator.RegisterDefaults();
        }

        if (options.Compare is not null)
        {
            return await BuildComparison.RunAsync(options, static message => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}")).ConfigureAwait(false);
        }

        return await RunAsync(options).ConfigureAwait(false);
    }

    private static void Dump(string? directory, string name, IEnumerable<CorpusFile> files)
    {
        if (directory is null)
        {
            return;
        }

        foreach (var file in files)
        {
            var path = Path.Combine(directory, name, file.Path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> RunAsync(BenchOptions options)
    {
        static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

        var groups = new List<AnalyzerGroup> { AnalyzerGroup.Ours() };
        if (options.Peers)
        {
            groups.AddRange(AnalyzerGroup.Peers().Where(g => options.HeavyPeers || !g.IsHeavy));
        }

        foreach (var group in groups)
        {
            Progress($"{group.Name}: {group.Analyzers.Length} analyzers {group.Note}");
        }

        var severities = groups.SelectMany(g => g.Severities).GroupBy(s => s.Key, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First().Value);
        var measured = groups.Where(g => g.Analyzers.Length > 0).ToList();
        var workloads = new List<WorkloadResult>();
        var total = Stopwatch.StartNew();

        if (options.Solution is not null)
        {
            Progress($"opening {options.Solution}");
            foreach (var workload in await ProjectWorkloads.LoadAsync(options.Solution, severities, Progress).ConfigureAwait(false))
            {
                workloads.Add(await Measurer.MeasureAsync(workload, measured, options.Runs, options.Allocations, options.AllocationsPerAnalyzer, Progress).ConfigureAwait(false));
            }
        }
        else
        {
            foreach (var size in options.Sizes.OrderBy(s => s))
            {
                var corpus = CorpusGenerator.Generate(size, options.Seed);
                Progress($"synthetic corpus: {corpus.Lines:N0} lines in {corpus.Files.Count:N0} files (seed {options.Seed}); planted: {string.Join(", ", corpus.Planted.Select(p => $"{p.Key} {p.Value}"))}");
                Dump(options.Dump, $"synthetic-{size}", corpus.Files);
                workloads.Add(await Measurer.MeasureAsync(Workload.Synthetic(corpus, severities), measured, options.Runs, options.Allocations, options.AllocationsPerAnalyzer, Progress).ConfigureAwait(false));
            }

            if (options.Pathological)
            {
                foreach (var scale in new[] { 0.25, 1.0 })
                {
                    foreach (var input in PathologicalInput.All(scale))
                    {
                        Dump(options.Dump, $"pathological-{scale:F2}", input.Files);
                        workloads.Add(await Measurer.MeasureAsync(Workload.Pathological(input, severities), measured, options.Runs, options.Allocations, options.AllocationsPerAnalyzer, Progress).ConfigureAwait(false));
                    }
                }
            }
        }

        var growth = Report.Growth(workloads);
        IReadOnlyList<BudgetResult> budgets = Array.Empty<BudgetResult>();
        var budgetsPath = options.Budgets ?? Path.Combine(AppContext.BaseDirectory, "budgets.json");
        if (options.Solution is null)
        {
            budgets = Budgets.Load(budgetsPath).Evaluate(workloads, growth);
        }

        var report = new BenchReport(
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}",
            RuntimeInformation.FrameworkDescription,
            typeof(Compilation).Assembly.GetName().Version?.ToString() ?? "?",
            options.Runs,
            options.Seed,
            groups.Select(g => new GroupInfo(g.Name, g.Source, g.Analyzers.Length, g.Note)).ToList(),
            workloads,
            growth,
            budgets);

        Console.WriteLine(Report.Render(report));
        Progress($"done in {total.Elapsed.TotalMinutes:F1} min");
        if (options.Json is not null)
        {
            Report.WriteJson(report, options.Json);
            Progress($"wrote {options.Json}");
        }

        if (options.Check)
        {
            if (options.Solution is not null)
            {
                Console.WriteLine("--check: the budgets are defined on the synthetic corpus; a --solution run is reported, not checked.");
                return 0;
            }

            var failed = budgets.Where(b => !b.Passed).ToList();
            Console.WriteLine(failed.Count == 0 ? $"--check: all {budgets.Count} budgets met." : $"--check: {failed.Count} of {budgets.Count} budgets exceeded.");
            return failed.Count == 0 ? 0 : 1;
        }

        return 0;
    }
}
