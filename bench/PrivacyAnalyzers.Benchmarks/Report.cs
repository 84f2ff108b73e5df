using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PrivacyAnalyzers.Corpus;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>The console tables (Markdown, so that they paste into the README) and the JSON file.</summary>
internal static class Report
{
    private static readonly Dictionary<string, string> PatternRules = new(StringComparer.Ordinal)
    {
        [PlantedPattern.SignInWithoutLockout] = DiagnosticIds.PasswordSignInWithoutLockout,
        [PlantedPattern.WeakIdentityOption] = DiagnosticIds.WeakIdentityOptions,
        [PlantedPattern.LocationLogged] = DiagnosticIds.LocationWrittenToLog,
        [PlantedPattern.LocationWithoutConsent] = DiagnosticIds.GeolocationWithoutConsent,
    };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static IReadOnlyList<GrowthResult> Growth(IReadOnlyList<WorkloadResult> workloads)
    {
        var growth = new List<GrowthResult>();
        var synthetic = workloads.Where(w => w.Kind == "synthetic").OrderBy(w => w.Size).ToList();
        if (synthetic.Count >= 2)
        {
            Add(growth, "synthetic series", "compiler", synthetic.Select(w => (w.Size, w.CompilerMilliseconds)));
            AddGroups(growth, "synthetic series", synthetic);
        }

        foreach (var shape in workloads.Where(w => w.Kind == "pathological").GroupBy(w => w.Name))
        {
            var points = shape.OrderBy(w => w.Size).ToList();
            if (points.Count >= 2)
            {
                Add(growth, shape.Key, "compiler", points.Select(w => (w.Size, w.CompilerMilliseconds)));
                AddGroups(growth, shape.Key, points);
            }
        }

        return growth;
    }

    private static void AddGroups(List<GrowthResult> growth, string series, List<WorkloadResult> points)
    {
        foreach (var group in points[0].Groups.Where(g => g.Analyzers > 0))
        {
            Add(growth, series, group.Name == AnalyzerGroup.OursName ? group.Name + " (total)" : group.Name, points.Select(w => (w.Size, w.Groups.Single(g => g.Name == group.Name).Milliseconds)));
            if (group.Name == AnalyzerGroup.OursName)
            {
                foreach (var analyzer in group.PerAnalyzer.Select(a => a.Analyzer).OrderBy(a => a, StringComparer.Ordinal))
                {
                    Add(growth, series, group.Name + "/" + analyzer, points.Select(w => (w.Size, w.Groups.Single(g => g.Name == group.Name).PerAnalyzer.Single(a => a.Analyzer == analyzer).Milliseconds)));
                }
            }
        }
    }

    private static void Add(List<GrowthResult> growth, string series, string quantity, IEnumerable<(int Size, double Milliseconds)> points)
    {
        var list = points.Select(p => ((double)p.Size, p.Milliseconds)).ToList();
        growth.Add(new GrowthResult(series, quantity, Statistics.GrowthExponent(list), list.Max(p => p.Milliseconds), list.Select(p => new[] { p.Item1, p.Milliseconds }).ToList()));
    }

    public static string Render(BenchReport report)
    {
        var text = new StringBuilder();

        // "runs 7.1–10.2 %": the lowest and highest run, when there was more than one.
        static string? Spread(IReadOnlyList<double> perRun, double scale, string format, string unit) =>
            perRun.Count < 2
                ? null
                : string.Format(CultureInfo.InvariantCulture, "runs {0}–{1}{2}", (perRun.Min() * scale).ToString(format, CultureInfo.InvariantCulture), (perRun.Max() * scale).ToString(format, CultureInfo.InvariantCulture), unit);
        void Line(string line = "") => text.Append(line).Append('\n');

        Line(Inv($"Machine: {report.Machine}; {report.Runtime}; Roslyn {report.Roslyn}. Median of {report.Runs} runs after a warm-up, fresh compilation each run, single-threaded passes; seed {report.Seed}."));
        Line();
        Line("| Analyzers | Count | From |");
        Line("|---|---:|---|");
        foreach (var group in report.Groups)
        {
            Line(Inv($"| {group.Name} | {group.Analyzers} | {group.Source}{(group.Note is null ? string.Empty : " — " + group.Note)} |"));
        }

        foreach (var kind in new[] { "synthetic", "pathological", "project" })
        {
            var rows = report.Workloads.Where(w => w.Kind == kind).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var groups = rows[0].Groups.Where(g => g.Analyzers > 0).Select(g => g.Name).ToList();
            Line();
            Line(kind switch
            {
                "synthetic" => "Time (analyzer execution time, and its share of the compiler's own time on the same code):",
                "pathological" => "Pathological inputs (time at two sizes; growth exponents below):",
                _ => "Projects:",
            });
            Line();
            Line("| Code | Lines | Compiler | " + string.Join(" | ", groups) + " | Ours / ASP.NET Core |");
            Line("|---|---:|---:|" + string.Concat(groups.Select(_ => "---:|")) + "---:|");
            foreach (var row in rows)
            {
                // Ours with the spread of its runs: GC pauses of the compiler's thread land in whichever callback runs.
                var cells = groups.Select(name => row.Groups.Single(g => g.Name == name)).Select(g =>
                    Inv($"{Milliseconds(g.Milliseconds)} ({g.ShareOfCompiler * 100:F2} %{(g.Name == AnalyzerGroup.OursName && Spread(g.SharePerRun, 100, "F1", " %") is { } spread ? "; " + spread : string.Empty)})"));
                var ratio = row.OursVersusAspNetCore is { } value
                    ? Inv($"{value:F2}×{(Spread(row.OursVersusAspNetCorePerRun, 1, "F2", "×") is { } runs ? " (" + runs + ")" : string.Empty)}")
                    : "n/a";
                var name = kind == "pathological" ? Inv($"{row.Name} ({row.Size:N0} {row.Unit})") : row.Name;
                Line(Inv($"| {name} | {row.Lines:N0} | {Milliseconds(row.CompilerMilliseconds)} | {string.Join(" | ", cells)} | {ratio} |"));
            }

            Line();
            Line("Allocations (MB; a group's figure is what the analysis pass allocates with it minus without it):");
            Line();
            Line("| Code | Compiler | Analysis pass | " + string.Join(" | ", groups) + " |");
            Line("|---|---:|---:|" + string.Concat(groups.Select(_ => "---:|")));
            foreach (var row in rows)
            {
                var cells = groups.Select(name => row.Groups.Single(g => g.Name == name).AllocatedBytes is { } bytes ? Megabytes(bytes) : "n/a");
                var name = kind == "pathological" ? Inv($"{row.Name} ({row.Size:N0} {row.Unit})") : row.Name;
                Line(Inv($"| {name} | {Megabytes(row.CompilerAllocatedBytes)} | {Megabytes(row.AnalysisPassAllocatedBytes)} | {string.Join(" | ", cells)} |"));
            }

            var ourAnalyzers = rows[0].Groups.Single(g => g.Name == AnalyzerGroup.OursName).PerAnalyzer.Select(a => a.Analyzer).OrderBy(a => a, StringComparer.Ordinal).ToList();
            Line();
            Line("Our analyzers, each:");
            Line();
            Line("| Code | " + string.Join(" | ", ourAnalyzers) + " |");
            Line("|---|" + string.Concat(ourAnalyzers.Select(_ => "---:|")));
            foreach (var row in rows)
            {
                var ours = row.Groups.Single(g => g.Name == AnalyzerGroup.OursName);
                var name = kind == "pathological" ? Inv($"{row.Name} ({row.Size:N0} {row.Unit})") : row.Name;
                Line(Inv($"| {name} | {string.Join(" | ", ourAnalyzers.Select(a => Milliseconds(ours.PerAnalyzer.Single(p => p.Analyzer == a).Milliseconds)))} |"));
                if (ours.PerAnalyzer.All(p => p.AllocatedBytes is not null))
                {
                    Line(Inv($"| {name}, allocated MB | {string.Join(" | ", ourAnalyzers.Select(a => $"{ours.PerAnalyzer.Single(p => p.Analyzer == a).AllocatedBytes!.Value / 1e6:N1}"))} |"));
                }
            }

            Line();
            Line("Diagnostics found (ours per id, with the planted count where a rule targets a planted pattern; peers in total):");
            Line();
            Line("| Code | Ours | " + string.Join(" | ", groups.Where(g => g != AnalyzerGroup.OursName)) + " | Compiler errors |");
            Line("|---|---|" + string.Concat(groups.Where(g => g != AnalyzerGroup.OursName).Select(_ => "---:|")) + "---:|");
            foreach (var row in rows)
            {
                var ours = row.Groups.Single(g => g.Name == AnalyzerGroup.OursName);
                var found = string.Join(", ", ours.DiagnosticsById.Select(d => Inv($"{d.Key} {d.Value}{Planted(row, d.Key)}")));
                var peers = groups.Where(g => g != AnalyzerGroup.OursName).Select(name => row.Groups.Single(g => g.Name == name).DiagnosticsById.Values.Sum().ToString("N0", CultureInfo.InvariantCulture));
                var name = kind == "pathological" ? Inv($"{row.Name} ({row.Size:N0} {row.Unit})") : row.Name;
                Line(Inv($"| {name} | {(found.Length == 0 ? "none" : found)} | {string.Join(" | ", peers)} | {row.CompilerErrors} |"));
            }

            var exceptions = rows.SelectMany(r => r.Groups.SelectMany(g => g.Exceptions.Select(e => $"{r.Name}: {g.Name}: {e}"))).Distinct(StringComparer.Ordinal).ToList();
            if (exceptions.Count > 0)
            {
                Line();
                Line("Analyzer exceptions (AD0001):");
                exceptions.ForEach(e => Line("- " + e));
            }
        }

        if (report.Growth.Count > 0)
        {
            Line();
            Line("Growth exponents (slope of log time against log size; 1.0 = linear):");
            Line();
            Line("| Series | Quantity | Exponent | Time at largest |");
            Line("|---|---|---:|---:|");
            foreach (var growth in report.Growth)
            {
                Line(Inv($"| {growth.Series} | {growth.Quantity} | {(double.IsNaN(growth.Exponent) ? "n/a" : growth.Exponent.ToString("F2", CultureInfo.InvariantCulture))} | {Milliseconds(growth.LargestMilliseconds)} |"));
            }
        }

        if (report.Budgets.Count > 0)
        {
            Line();
            Line("Budgets (bench/budgets.json):");
            Line();
            foreach (var budget in report.Budgets)
            {
                Line(Inv($"- {(budget.Passed ? "PASS" : "FAIL")} {budget.Budget} on {budget.Subject}: {Format(budget.Measured)} (limit {Format(budget.Limit)}){(budget.Note is null ? string.Empty : " — " + budget.Note)}"));
            }
        }

        return text.ToString();
    }

    public static void WriteJson(BenchReport report, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(report, JsonOptions));
    }

    private static string Planted(WorkloadResult row, string id)
    {
        var pattern = PatternRules.FirstOrDefault(p => p.Value == id).Key;
        return pattern is not null && row.Planted.TryGetValue(pattern, out var count) ? Inv($" (planted {count})") : string.Empty;
    }

    private static string Milliseconds(double value) =>
        value >= 100 ? Inv($"{value:N0} ms") : value >= 10 ? Inv($"{value:F1} ms") : Inv($"{value:F2} ms");

    private static string Megabytes(double bytes) => Inv($"{bytes / (1024 * 1024):N1}");

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString(value < 10 ? "0.###" : "N0", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);
}
