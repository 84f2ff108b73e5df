using System;
using System.Threading.Tasks;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.EndToEnd;

/// <summary>
/// A fact that needs the csharp-ls language server from the repository's tool manifest
/// (.config/dotnet-tools.json). When `dotnet tool restore` cannot bring it, the test is reported as skipped
/// with the reason, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LanguageServerFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> SkipReason = new(FindSkipReason);

    public LanguageServerFactAttribute()
    {
        if (SkipReason.Value is { } reason)
        {
            this.Skip = reason;
        }
    }

    private static string? FindSkipReason()
    {
        var restore = Task.Run(() => DotNetCli.RunAsync(RepositoryPaths.Root, null, "tool", "restore")).GetAwaiter().GetResult();
        return restore.ExitCode == 0
            ? null
            : "csharp-ls could not be restored from the tool manifest, so the IDE test cannot run: " + restore.Output;
    }
}
