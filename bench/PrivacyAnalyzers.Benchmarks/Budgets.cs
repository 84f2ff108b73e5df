using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>
/// bench/budgets.json. Ratio budgets are checked on the synthetic corpus of <see cref="AtLines"/> lines (or the
/// largest one measured, with a note); the growth exponent on the synthetic series, for our total and for each of
/// our analyzers, and on each pathological input between its two scales. A quantity whose largest time is below
/// <see cref="MinimumMeasurableMilliseconds"/> has no meaningful exponent (timer noise) and is reported, not checked.
/// </summary>
internal sealed record Budgets(
    int AtLines,
    double OurShareOfCompilerTime,
    double OurTimeVersusAspNetCoreAnalyzers,
    double GrowthExponent,
    double MinimumMeasurableMilliseconds)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static Budgets Load(string path) =>
        JsonSerializer.Deserialize<Budgets>(File.ReadAllText(path), JsonOptions) ?? throw new InvalidDataException($"{path} is empty");

    public IReadOnlyList<BudgetResult> Evaluate(IReadOnlyList<WorkloadResult> workloads, IReadOnlyList<GrowthResult> growth)
    {
        var results = new List<BudgetResult>();
        var synthetic = workloads.Where(w => w.Kind == "synthetic").OrderBy(w => w.Lines).ToList();
        if (synthetic.Count == 0)
        {
            return results;
        }

        var at = synthetic.FirstOrDefault(w => Math.Abs(w.Lines - this.AtLines) < this.AtLines / 10) ?? synthetic[^1];
        var note = Math.Abs(at.Lines - this.AtLines) < this.AtLines / 10 ? null : $"budget is set at {this.AtLines:N0} lines; largest measured is {at.Lines:N0}";
        var ours = at.Groups.Single(g => g.Name == AnalyzerGroup.OursName);

        results.Add(new BudgetResult("our time / compiler time", at.Name, ours.ShareOfCompiler, this.OurShareOfCompilerTime, ours.ShareOfCompiler <= this.OurShareOfCompilerTime, note));

        var aspNetCore = at.Groups.FirstOrDefault(g => g.Name == AnalyzerGroup.AspNetCoreName);
        if (at.OursVersusAspNetCore is not { } ratio || double.IsNaN(ratio))
        {
            results.Add(new BudgetResult("our time / ASP.NET Core analyzers' time", at.Name, double.NaN, this.OurTimeVersusAspNetCoreAnalyzers, false, "ASP.NET Core analyzers were not measured (" + (aspNetCore?.Note ?? "--no-peers") + ")"));
        }
        else
        {
            results.Add(new BudgetResult("our time / ASP.NET Core analyzers' time", at.Name, ratio, this.OurTimeVersusAspNetCoreAnalyzers, ratio <= this.OurTimeVersusAspNetCoreAnalyzers, note));
        }

        foreach (var series in growth.Where(g => g.Quantity.StartsWith(AnalyzerGroup.OursName, StringComparison.Ordinal)))
        {
            if (double.IsNaN(series.Exponent))
            {
                continue;
            }

            var measurable = series.LargestMilliseconds >= this.MinimumMeasurableMilliseconds;
            results.Add(new BudgetResult(
                "growth exponent",
                $"{series.Quantity} on {series.Series}",
                series.Exponent,
                this.GrowthExponent,
                !measurable || series.Exponent <= this.GrowthExponent,
                measurable ? null : $"not checked: {series.LargestMilliseconds:F1} ms at the largest size is below {this.MinimumMeasurableMilliseconds} ms"));
        }

        foreach (var workload in workloads)
        {
            foreach (var group in workload.Groups.Where(g => g.Name == AnalyzerGroup.OursName && g.Exceptions.Count > 0))
            {
                results.Add(new BudgetResult("analyzer exceptions (AD0001)", workload.Name, group.Exceptions.Count, 0, false, string.Join(" | ", group.Exceptions)));
            }

            if (workload.Kind == "synthetic" && workload.CompilerErrors > 0)
            {
                results.Add(new BudgetResult("corpus compiler errors (harness defect)", workload.Name, workload.CompilerErrors, 0, false, string.Join(" | ", workload.FirstCompilerErrors)));
            }
        }

        return results;
    }
}
