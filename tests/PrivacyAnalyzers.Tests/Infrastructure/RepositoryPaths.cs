using System;
using System.IO;

namespace PrivacyAnalyzers.Tests.Infrastructure;

/// <summary>Where things are in this repository, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Docs => Path.Combine(Root, "docs");

    public static string RulePage(string id) => Path.Combine(Docs, "rules", id + ".md");

    public static string Readme => Path.Combine(Root, "README.md");

    public static string AnalyzerProject => Path.Combine(Root, "src", "PrivacyAnalyzers");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PrivacyAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PrivacyAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
