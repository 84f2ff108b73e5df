using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.EndToEnd;

/// <summary>
/// The README's first command, <c>dotnet build samples/CameraCloud/CameraCloud.csproj</c>, shows exactly the
/// findings the sample's source announces: every line with a <c>// PRIVnnn: why</c> comment, and no other line.
/// </summary>
[Collection(DotNetCliTests.Name)]
public sealed class SampleBuildTests
{
    private static readonly string SampleProject = Path.Combine("samples", "CameraCloud", "CameraCloud.csproj");

    [Fact]
    public async Task BuildingTheSample_ReportsExactlyTheAnnouncedFindings()
    {
        var build = await DotNetCli.RunAsync(RepositoryPaths.Root, null, "build", SampleProject, "--no-incremental", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.ToString());

        var found = BuildDiagnostics.Parse(build.Output);

        // The sample and any library it references live under samples/.
        var expected = AnnouncedFindings.In(Path.Combine(RepositoryPaths.Root, "samples"));

        Assert.NotEmpty(expected);
        Assert.All(found, f => Assert.Equal("warning", f.Severity));
        Assert.Equal(expected.Select(e => e.ToString()), found.Select(f => f.ToString()));
    }
}
