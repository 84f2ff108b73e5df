using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace PrivacyAnalyzers.Tests.Infrastructure;

/// <summary>
/// A throw-away copy of samples/ outside the repository, for tests that edit or rewrite the sample. The
/// copy consumes the analyzers as a user's project does, as analyzer assemblies (the ones this test run
/// built), instead of through project references into src/.
/// </summary>
internal sealed partial class SampleCopy : IDisposable
{
    private SampleCopy(string root) => this.Root = root;

    /// <summary>The folder holding the copied samples (Directory.Build.props, CameraCloud/...).</summary>
    public string Root { get; }

    public string CameraCloud => Path.Combine(this.Root, "CameraCloud");

    public string Project => Path.Combine(this.CameraCloud, "CameraCloud.csproj");

    public static async Task<SampleCopy> CreateAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "privacyanalyzers-sample-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "samples"), root);
        foreach (var project in Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(project);
            File.WriteAllText(project, AnalyzerProjectReference().Replace(text, m => $"<Analyzer Include=\"{Path.Combine(AppContext.BaseDirectory, m.Groups["name"].Value + ".dll")}\" />"));
        }

        var copy = new SampleCopy(root);
        var restore = await DotNetCli.RunAsync(root, null, "restore", copy.Project);
        if (restore.ExitCode != 0)
        {
            copy.Dispose();
            throw new InvalidOperationException(restore.ToString());
        }

        return copy;
    }

    public string PathOf(string relativeToCameraCloud) => Path.Combine(this.CameraCloud, relativeToCameraCloud);

    public void Dispose()
    {
        try
        {
            Directory.Delete(this.Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyDirectory(directory, Path.Combine(to, name));
            }
        }
    }

    [GeneratedRegex(@"<ProjectReference\s+Include=""[^""]*[\\/]src[\\/](?<name>PrivacyAnalyzers(\.CodeFixes)?)[\\/][^""]+\.csproj""[^>]*/>")]
    private static partial Regex AnalyzerProjectReference();
}
