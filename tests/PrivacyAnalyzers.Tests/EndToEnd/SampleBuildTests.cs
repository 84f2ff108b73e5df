using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.EndToEnd;

/// <summary>
/// The README's first command, <c>dotnet build samples/CameraCloud/CameraCloud.csproj</c>, shows exactly the
/// findings the sample's source announces: every line with a <c>// PRIVnnn: why</c> comment, and no other line.
/// </summary>
[Collection(DotNetCliTests.Name)]
public sealed partial class SampleBuildTests
{
    private static readonly string SampleProject = Path.Combine("samples", "CameraCloud", "CameraCloud.csproj");

    [Fact]
    public async Task BuildingTheSample_ReportsExactlyTheAnnouncedFindings()
    {
        var build = await DotNetCli.RunAsync(RepositoryPaths.Root, null, "build", SampleProject, "--no-incremental", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.ToString());

        var found = BuildDiagnostics.Parse(build.Output);
        // The sample and any library it references live under samples/.
        var expected = AnnouncedFindings(Path.Combine(RepositoryPaths.Root, "samples"));

        Assert.NotEmpty(expected);
        Assert.All(found, f => Assert.Equal("warning", f.Severity));
        Assert.Equal(
            expected.Select(e => e.ToString()),
            found.Select(f => new BuildDiagnostics.Found(f.File, f.Line, "warning", f.Id).ToString()));
    }

    private static List<BuildDiagnostics.Found> AnnouncedFindings(string directory)
    {
        var findings = new List<BuildDiagnostics.Found>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
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

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"//\s*(?<ids>PRIV\d{3}(\s*,\s*PRIV\d{3})*):")]
    private static partial Regex Marker();
}
