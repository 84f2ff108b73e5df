using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace PrivacyAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs the dotnet CLI the way a user or a CI job does. The child gets a clean MSBuild environment (the
/// test host's own MSBuild variables would otherwise leak in), no build servers (nothing lingers after the
/// test), and a time limit.
/// </summary>
internal static class DotNetCli
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(8);

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        CleanEnvironment(start);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        var outputDone = ReadAllAsync(process.StandardOutput, output);
        var errorDone = ReadAllAsync(process.StandardError, output);

        var exited = Task.Run(() => process.WaitForExit((int)DefaultTimeout.TotalMilliseconds));
        if (!await exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {DefaultTimeout}:\n{output}");
        }

        await Task.WhenAll(outputDone, errorDone);
        return new Result(process.ExitCode, output.ToString(), $"dotnet {string.Join(' ', arguments)}");
    }

    /// <summary>
    /// Removes the test host's own MSBuild and test-platform variables (they would point a child dotnet at the
    /// wrong MSBuild) and turns off first-run noise.
    /// </summary>
    public static void CleanEnvironment(ProcessStartInfo start)
    {
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }

    private static async Task ReadAllAsync(StreamReader reader, StringBuilder into)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }

    public sealed record Result(int ExitCode, string Output, string Command)
    {
        public override string ToString() => $"{this.Command} exited {this.ExitCode}:\n{this.Output}";
    }
}
