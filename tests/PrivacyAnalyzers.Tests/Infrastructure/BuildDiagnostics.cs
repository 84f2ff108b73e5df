using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PrivacyAnalyzers.Tests.Infrastructure;

/// <summary>The PRIV diagnostics in MSBuild output (<c>path(line,col): warning PRIV040: message [project]</c>).</summary>
internal static partial class BuildDiagnostics
{
    public static IReadOnlyList<Found> Parse(string output) =>
        DiagnosticLine().Matches(output)
            .Select(m => new Found(Path.GetFileName(m.Groups["path"].Value), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["severity"].Value, m.Groups["id"].Value))
            .Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"^(?<path>[^\r\n(]+\.cs)\((?<line>\d+),\d+\): (?<severity>warning|error) (?<id>PRIV\d{3}):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    public sealed record Found(string File, int Line, string Severity, string Id)
    {
        public override string ToString() => $"{this.File}:{this.Line} {this.Severity} {this.Id}";
    }
}
