using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PrivacyAnalyzers.Tests.Infrastructure;
using PrivacyAnalyzers.Tests.Infrastructure.LanguageServer;
using Xunit;

namespace PrivacyAnalyzers.Tests.EndToEnd;

/// <summary>
/// IDE squiggles through a real language server: csharp-ls (pinned in .config/dotnet-tools.json) loads a copy
/// of the sample with analyzers enabled, as an editor would, and must report the PRIV diagnostics on the
/// documented ranges with the configured severities, in push and pull mode, following edits.
/// </summary>
[Collection(DotNetCliTests.Name)]
public sealed class LanguageServerTests
{
    /// <summary>Loading the project takes ~10 s on 2 cores when idle; CI machines are busier.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private static readonly JsonObject CSharpSettings = new() { ["analyzersEnabled"] = true };

    private static readonly string[] ServerCommand = { "tool", "run", "csharp-ls", "--", "--loglevel", "info" };

    [LanguageServerFact]
    public async Task PushMode_ReportsDocumentedRangesAndSeverities_AndFollowsEdits()
    {
        using var sample = await SampleCopy.CreateAsync();
        await using var server = StartServer();
        using var cancellation = new CancellationTokenSource(Timeout);
        await server.InitializeAsync(sample.CameraCloud, pullDiagnostics: false, cancellation.Token);

        var controller = sample.PathOf(Path.Combine("Controllers", "AccountController.cs"));
        var text = await File.ReadAllTextAsync(controller);
        await server.OpenAsync(controller, text);
        var diagnostics = await server.WaitForPublishedAsync(controller, d => d.Any(x => x.Code == "PRIV040"), Timeout);
        AssertSingleAt(text, "lockoutOnFailure: false", "PRIV040", LspDiagnostic.Warning, diagnostics);

        // An edit that fixes the code clears the squiggle...
        var fixedText = text.Replace("lockoutOnFailure: false", "lockoutOnFailure: true", StringComparison.Ordinal);
        var published = server.PublishCount(controller);
        await server.ChangeAsync(controller, 2, fixedText);
        await server.WaitForPublishedAsync(controller, d => d.All(x => x.Code != "PRIV040"), Timeout, minimumVersion: published + 1);

        // ...and one that introduces a violation raises it where the violation is.
        var brokenText = fixedText.Replace("CheckPasswordSignInAsync(account, password, lockoutOnFailure: true)", "CheckPasswordSignInAsync(account, password, lockoutOnFailure: false)", StringComparison.Ordinal);
        Assert.NotEqual(fixedText, brokenText);
        published = server.PublishCount(controller);
        await server.ChangeAsync(controller, 3, brokenText);
        diagnostics = await server.WaitForPublishedAsync(controller, d => d.Any(x => x.Code == "PRIV040"), Timeout, minimumVersion: published + 1);
        AssertSingleAt(brokenText, "lockoutOnFailure: false", "PRIV040", LspDiagnostic.Warning, diagnostics);

        var program = sample.PathOf("Program.cs");
        var programText = await File.ReadAllTextAsync(program);
        await server.OpenAsync(program, programText);
        diagnostics = await server.WaitForPublishedAsync(program, d => d.Count(x => x.Code == "PRIV041") >= 3, Timeout);
        AssertAt(programText, "options.Lockout.MaxFailedAccessAttempts = 50", "PRIV041", LspDiagnostic.Warning, diagnostics);
        AssertAt(programText, "options.Password.RequiredLength = 6", "PRIV041", LspDiagnostic.Warning, diagnostics);
    }

    [LanguageServerFact]
    public async Task PullMode_HonoursEditorConfigSeverityAndOptions()
    {
        using var sample = await SampleCopy.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(sample.Root, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.PRIV040.severity = error
            dotnet_code_quality.PRIV041.max_failed_access_attempts = 100
            """);
        await using var server = StartServer();
        using var cancellation = new CancellationTokenSource(Timeout);
        await server.InitializeAsync(sample.CameraCloud, pullDiagnostics: true, cancellation.Token);

        var controller = sample.PathOf(Path.Combine("Controllers", "AccountController.cs"));
        var text = await File.ReadAllTextAsync(controller);
        await server.OpenAsync(controller, text);
        var diagnostics = await PullUntilAsync(server, controller, d => d.Any(x => x.Code == "PRIV040"), cancellation.Token);
        AssertSingleAt(text, "lockoutOnFailure: false", "PRIV040", LspDiagnostic.Error, diagnostics);

        var program = sample.PathOf("Program.cs");
        var programText = await File.ReadAllTextAsync(program);
        await server.OpenAsync(program, programText);
        diagnostics = await PullUntilAsync(server, program, d => d.Any(x => x.Code == "PRIV041"), cancellation.Token);
        AssertAt(programText, "options.Password.RequiredLength = 6", "PRIV041", LspDiagnostic.Warning, diagnostics);
        var (attemptsLine, _) = Position(programText, "options.Lockout.MaxFailedAccessAttempts = 50");
        Assert.DoesNotContain(diagnostics, d => d.Code == "PRIV041" && d.StartLine == attemptsLine);
    }

    private static LspClient StartServer() =>
        LspClient.Start("dotnet", ServerCommand, RepositoryPaths.Root, CSharpSettings);

    private static async Task<IReadOnlyList<LspDiagnostic>> PullUntilAsync(LspClient server, string path, Func<IReadOnlyList<LspDiagnostic>, bool> condition, CancellationToken cancellationToken)
    {
        IReadOnlyList<LspDiagnostic> last = Array.Empty<LspDiagnostic>();
        while (!cancellationToken.IsCancellationRequested)
        {
            last = await server.PullDiagnosticsAsync(path, cancellationToken);
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException($"pulled diagnostics of {path} never matched. Last:\n{string.Join("\n", last)}\nServer log:\n{server.Log}");
    }

    /// <summary>The diagnostic of <paramref name="id"/> is the only one of its kind and covers exactly <paramref name="needle"/>.</summary>
    private static void AssertSingleAt(string text, string needle, string id, int severity, IReadOnlyList<LspDiagnostic> diagnostics)
    {
        var diagnostic = Assert.Single(diagnostics, d => d.Code == id);
        AssertCovers(text, needle, severity, diagnostic);
    }

    private static void AssertAt(string text, string needle, string id, int severity, IReadOnlyList<LspDiagnostic> diagnostics)
    {
        var (line, _) = Position(text, needle);
        var diagnostic = Assert.Single(diagnostics, d => d.Code == id && d.StartLine == line);
        AssertCovers(text, needle, severity, diagnostic);
    }

    private static void AssertCovers(string text, string needle, int severity, LspDiagnostic diagnostic)
    {
        var start = Position(text, needle);
        var end = Position(text, needle, atEnd: true);
        Assert.Equal((start.Line, start.Character, end.Line, end.Character), (diagnostic.StartLine, diagnostic.StartCharacter, diagnostic.EndLine, diagnostic.EndCharacter));
        Assert.Equal(severity, diagnostic.Severity);
    }

    /// <summary>Zero-based line and UTF-16 character of the (single) occurrence of <paramref name="needle"/>.</summary>
    private static (int Line, int Character) Position(string text, string needle, bool atEnd = false)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0 && text.IndexOf(needle, index + 1, StringComparison.Ordinal) < 0, $"'{needle}' must occur exactly once in the sample");
        if (atEnd)
        {
            index += needle.Length;
        }

        var line = text.AsSpan(0, index).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (line, index - lineStart);
    }
}
