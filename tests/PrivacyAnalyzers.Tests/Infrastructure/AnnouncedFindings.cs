using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PrivacyAnalyzers.Tests.Infrastructure;

/// <summary>
/// The findings a sample announces in its own source: a <c>// PRIVnnn: why</c> comment (or
/// <c>// PRIV001, PRIV004: why</c>) on the line where each diagnostic starts.
/// </summary>
internal static partial class AnnouncedFindings
{
    /// <summary>Every announced finding under <paramref name="directory"/> (bin/ and obj/ excluded), sorted.</summary>
    public static List<BuildDiagnostics.Found> In(string directory)
    {
        var findings = new List<BuildDiagnostics.Found>();
        foreach (var file in SourceFiles(directory))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = Marker().Match(lines[i]);
                if (marker.Success)
                {
                    findings.AddRange(marker.Groups["ids"].Value.Split(',').Select(id => new BuildDiagnostics.Found(Path.GetFileName(file), i + 1, "warning", id.Trim())));
                }
            }
        }

        return findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    public static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .OrderBy(path => path, StringComparer.Ordinal);

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"//\s*(?<ids>PRIV\d{3}(\s*,\s*PRIV\d{3})*):")]
    private static partial Regex Marker();
}
