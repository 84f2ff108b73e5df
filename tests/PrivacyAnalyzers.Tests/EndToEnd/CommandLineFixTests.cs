using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.EndToEnd;

/// <summary>
/// Code fixes applied from the command line: <c>dotnet format analyzers</c> runs the package's own fixers on a
/// copy of the sample. It first fails verification naming the rules, then rewrites only the flagged lines,
/// and the result builds without those findings.
/// </summary>
[Collection(DotNetCliTests.Name)]
public sealed class CommandLineFixTests
{
    /// <summary>Rules whose fix applies wherever the rule fires.</summary>
    private static readonly string[] UnconditionalFixes = { "PRIV040", "PRIV041" };

    [Fact]
    public async Task DotnetFormat_AppliesThePackagesFixes_AndTouchesNothingElse()
    {
        using var sample = await SampleCopy.CreateAsync();
        var announced = AnnouncedFindings.In(sample.Root);
        var fixableIds = ProductCatalog.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        var fixedIds = announced.Select(f => f.Id).Where(fixableIds.Contains).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(fixedIds);

        var formatArguments = new List<string> { "format", "analyzers", sample.Project, "--diagnostics" };
        formatArguments.AddRange(fixedIds);
        formatArguments.AddRange(["--severity", "warn"]);
        var verify = await DotNetCli.RunAsync(sample.Root, null, [.. formatArguments, "--verify-no-changes"]);
        Assert.True(verify.ExitCode != 0, "--verify-no-changes must fail while fixable findings remain:\n" + verify);

        var before = AnnouncedFindings.SourceFiles(sample.Root).ToDictionary(path => path, File.ReadAllLines);
        var format = await DotNetCli.RunAsync(sample.Root, null, [.. formatArguments]);
        Assert.True(format.ExitCode == 0, format.ToString());

        // Only announced lines of fixable rules, and the attributes of the member they declare (a granting
        // [AllowAnonymous] goes), may change or go; new lines (an inserted attribute or guard) may appear.
        var fixableLines = FixableLines(announced.Where(f => fixableIds.Contains(f.Id)), before);
        var changedFiles = 0;
        foreach (var (path, oldLines) in before)
        {
            var newLines = File.ReadAllLines(path);
            var removed = LineDiff.RemovedLines(oldLines, newLines);
            changedFiles += removed.Count > 0 || newLines.Length != oldLines.Length ? 1 : 0;
            Assert.All(removed, line => Assert.True(fixableLines.Contains((Path.GetFileName(path), line)), $"{Path.GetFileName(path)}:{line} changed but carries no fixable finding: '{oldLines[line - 1].Trim()}'"));
        }

        Assert.True(changedFiles > 0, "dotnet format changed nothing");

        var build = await DotNetCli.RunAsync(sample.Root, null, "build", sample.Project, "--no-incremental", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.ToString());
        var remaining = BuildDiagnostics.Parse(build.Output);

        // A fix can decline where it is not safe (the consent guard needs one configured check): count per rule.
        var fixedByFormat = fixedIds.Where(id => remaining.Count(f => f.Id == id) < announced.Count(f => f.Id == id)).ToList();
        Assert.All(fixedByFormat, id => Assert.Contains(id, verify.Output, StringComparison.Ordinal));

        // Fixes without preconditions fix every finding of their rule.
        foreach (var id in fixedIds.Intersect(UnconditionalFixes))
        {
            Assert.DoesNotContain(remaining, f => f.Id == id);
        }

        // Findings of rules without a fix are untouched.
        foreach (var id in announced.Select(f => f.Id).Distinct().Where(id => !fixableIds.Contains(id)))
        {
            Assert.Equal(announced.Count(f => f.Id == id), remaining.Count(f => f.Id == id));
        }
    }

    private static HashSet<(string File, int Line)> FixableLines(IEnumerable<BuildDiagnostics.Found> findings, Dictionary<string, string[]> sources)
    {
        var lines = new HashSet<(string File, int Line)>();
        foreach (var finding in findings)
        {
            lines.Add((finding.File, finding.Line));
            var source = sources.Single(s => Path.GetFileName(s.Key) == finding.File).Value;
            for (var line = finding.Line - 1; line >= 1 && source[line - 1].TrimStart().StartsWith('['); line--)
            {
                lines.Add((finding.File, line));
            }
        }

        return lines;
    }

    /// <summary>Which lines of the old text a longest-common-subsequence line diff removes or replaces (1-based).</summary>
    private static class LineDiff
    {
        public static List<int> RemovedLines(string[] oldLines, string[] newLines)
        {
            var lengths = new int[oldLines.Length + 1, newLines.Length + 1];
            for (var i = oldLines.Length - 1; i >= 0; i--)
            {
                for (var j = newLines.Length - 1; j >= 0; j--)
                {
                    lengths[i, j] = oldLines[i] == newLines[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
                }
            }

            var removed = new List<int>();
            int x = 0, y = 0;
            while (x < oldLines.Length)
            {
                if (y < newLines.Length && oldLines[x] == newLines[y])
                {
                    x++;
                    y++;
                }
                else if (y < newLines.Length && lengths[x, y + 1] >= lengths[x + 1, y])
                {
                    y++;
                }
                else
                {
                    removed.Add(x + 1);
                    x++;
                }
            }

            return removed;
        }
    }
}
