using System.Collections.Generic;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>Everything one benchmark run measured, as written to JSON.</summary>
internal sealed record BenchReport(
    string Machine,
    string Runtime,
    string Roslyn,
    int Runs,
    int Seed,
    IReadOnlyList<GroupInfo> Groups,
    IReadOnlyList<WorkloadResult> Workloads,
    IReadOnlyList<GrowthResult> Growth,
    IReadOnlyList<BudgetResult> Budgets);

internal sealed record GroupInfo(string Name, string Source, int Analyzers, string? Note);

internal sealed record WorkloadResult(
    string Name,
    string Kind,
    int Size,
    string Unit,
    int Lines,
    int Files,
    int Runs,
    double CompilerMilliseconds,
    double CompilerAllocatedBytes,
    double AnalysisPassMilliseconds,
    double AnalysisPassAllocatedBytes,
    int CompilerErrors,
    IReadOnlyList<string> FirstCompilerErrors,
    IReadOnlyDictionary<string, int> Planted,
    double? OursVersusAspNetCore,
    IReadOnlyList<double> OursVersusAspNetCorePerRun,
    IReadOnlyList<GroupResult> Groups);

/// <summary>
/// One group on one workload: summed analyzer execution time (median over runs), its share of the compiler's time
/// (median, and each run's: how far the runs spread), the bytes it adds, exceptions (AD0001) and diagnostics per id.
/// </summary>
internal sealed record GroupResult(
    string Name,
    string Source,
    string? Note,
    int Analyzers,
    int Runs,
    double Milliseconds,
    double ShareOfCompiler,
    IReadOnlyList<double> SharePerRun,
    double? AllocatedBytes,
    IReadOnlyList<string> Exceptions,
    IReadOnlyDictionary<string, int> DiagnosticsById,
    IReadOnlyList<AnalyzerResult> PerAnalyzer);

/// <summary>One analyzer's median execution time and, when asked for, the bytes the pass allocates with it minus without it.</summary>
internal sealed record AnalyzerResult(string Analyzer, double Milliseconds, double? AllocatedBytes = null);

/// <summary>The growth exponent of one quantity across a series (slope of log time against log size).</summary>
internal sealed record GrowthResult(string Series, string Quantity, double Exponent, double LargestMilliseconds, IReadOnlyList<double[]> Points);

internal sealed record BudgetResult(string Budget, string Subject, double Measured, double Limit, bool Passed, string? Note);
