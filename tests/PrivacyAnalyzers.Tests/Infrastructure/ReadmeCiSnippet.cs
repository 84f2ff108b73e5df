using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PrivacyAnalyzers.Tests.Infrastructure;

/// <summary>The GitHub Actions job in the README's "Use as a CI gate" section: its run steps and the SARIF file it uploads.</summary>
internal sealed partial record ReadmeCiSnippet(IReadOnlyList<string> RunCommands, string SarifFile)
{
    public static ReadmeCiSnippet Load()
    {
        var readme = File.ReadAllText(RepositoryPaths.Readme).Replace("\r\n", "\n", StringComparison.Ordinal);
        var yaml = YamlBlock().Match(readme);
        if (!yaml.Success)
        {
            throw new InvalidOperationException("README.md has no ```yaml block");
        }

        var block = yaml.Groups["body"].Value;
        var runs = RunStep().Matches(block).Select(m => m.Groups["command"].Value.Trim()).ToList();
        var sarif = SarifFileLine().Match(block);
        if (runs.Count == 0 || !sarif.Success)
        {
            throw new InvalidOperationException("the README's yaml block has no run step or no sarif_file");
        }

        return new ReadmeCiSnippet(runs, sarif.Groups["file"].Value.Trim());
    }

    /// <summary>A run step as arguments of dotnet (the snippet's steps are plain dotnet commands without shell syntax).</summary>
    public static string[] DotnetArguments(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] != "dotnet" || words.Any(w => w.IndexOfAny(['$', '|', '>', '<', '&', ';', '"', '\'']) >= 0))
        {
            throw new InvalidOperationException($"'{command}' is not a plain dotnet command");
        }

        return words[1..];
    }

    [GeneratedRegex("```yaml\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"^\s*-\s*run:\s*(?<command>.+)$", RegexOptions.Multiline)]
    private static partial Regex RunStep();

    [GeneratedRegex(@"^\s*sarif_file:\s*(?<file>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SarifFileLine();
}
