using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PrivacyAnalyzers.Benchmarks;

/// <summary>The command line: <c>[--sizes 10k,50k,250k] [--runs 5] [--seed 42] [--solution path] [--json file] [--check]</c>.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        PrivacyAnalyzers.Benchmarks: how much time our analyzers add to the compiler's, next to peers, on the same compilation.

          --sizes 10k,50k,250k   synthetic corpus sizes in lines (k = thousand)
          --runs 5               measured runs per size (median), after one warm-up run
          --seed 42              corpus generator seed
          --solution path        measure a real .sln/.slnx/.csproj instead (MSBuildWorkspace)
          --json out.json        also write every figure as JSON
          --check                exit 1 when a budget in budgets.json is exceeded
          --budgets path         budgets file (default: budgets.json next to the benchmark)
          --no-pathological      skip the pathological inputs
          --no-allocations       skip the extra passes that attribute allocations to each group
          --allocations-per-analyzer  also attribute allocations to each of our analyzers (one extra pass each)
          --no-peers             measure our analyzers alone (no ratio to peers)
          --no-heavy-peers       skip NetAnalyzers and SecurityCodeScan (their pass takes most of the run)
          --dump dir             write the synthetic corpora (and pathological inputs) to dir, to read what is measured
          --compare other.dll    compare this build of our analyzers with another build's PrivacyAnalyzers.dll:
                                 alternating runs in one process on the first of --sizes (--sizes 50k --runs 15)
        """;

    public IReadOnlyList<int> Sizes { get; init; } = new[] { 10_000, 50_000, 250_000 };

    public int Runs { get; init; } = 5;

    public int Seed { get; init; } = 42;

    public string? Solution { get; init; }

    public string? Json { get; init; }

    public bool Check { get; init; }

    public string? Budgets { get; init; }

    public bool Pathological { get; init; } = true;

    public bool Allocations { get; init; } = true;

    public bool AllocationsPerAnalyzer { get; init; }

    public bool Peers { get; init; } = true;

    public bool HeavyPeers { get; init; } = true;

    public string? Dump { get; init; }

    /// <summary>Another build's PrivacyAnalyzers.dll to compare this build with (<see cref="BuildComparison"/>).</summary>
    public string? Compare { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseSize).ToList() },
                "--runs" => options with { Runs = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--solution" => options with { Solution = Value() },
                "--json" => options with { Json = Value() },
                "--check" => options with { Check = true },
                "--budgets" => options with { Budgets = Value() },
                "--no-pathological" => options with { Pathological = false },
                "--no-allocations" => options with { Allocations = false },
                "--allocations-per-analyzer" => options with { AllocationsPerAnalyzer = true },
                "--no-peers" => options with { Peers = false },
                "--no-heavy-peers" => options with { HeavyPeers = false },
                "--dump" => options with { Dump = Value() },
                "--compare" => options with { Compare = Value() },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }

        return options;
    }

    private static int ParseSize(string text) =>
        text.EndsWith('k') || text.EndsWith('K')
            ? checked(int.Parse(text[..^1], CultureInfo.InvariantCulture) * 1000)
            : int.Parse(text, CultureInfo.InvariantCulture);
}
