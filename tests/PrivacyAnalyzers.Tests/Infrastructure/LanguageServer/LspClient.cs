using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyAnalyzers.Tests.Infrastructure.LanguageServer;

/// <summary>
/// A minimal Language Server Protocol client (JSON-RPC 2.0 over stdio with Content-Length framing) that
/// drives a real C# language server the way an editor does: initialize, open and edit documents, receive
/// pushed diagnostics, pull diagnostics. It answers the server's <c>workspace/configuration</c> requests
/// with the C# settings given at start (analyzers on), and every other server request with null.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly Process process;
    private readonly JsonObject csharpSettings;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly ConcurrentDictionary<string, PublishedDiagnostics> published = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly StringBuilder log = new();
    private readonly Task readLoop;
    private int nextId;

    private LspClient(Process process, JsonObject csharpSettings)
    {
        this.process = process;
        this.csharpSettings = csharpSettings;
        this.readLoop = Task.Run(this.ReadLoopAsync);
    }

    /// <summary>Everything the server logged and every message kind seen, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (this.log)
            {
                return this.log.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> <paramref name="arguments"/> as the server, in <paramref name="workingDirectory"/>.</summary>
    public static LspClient Start(string fileName, IEnumerable<string> arguments, string workingDirectory, JsonObject csharpSettings)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        DotNetCli.CleanEnvironment(start);
        var process = Process.Start(start) ?? throw new InvalidOperationException("the language server did not start");
        var client = new LspClient(process, csharpSettings);
        _ = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null)
            {
                client.AppendLog("stderr: " + line);
            }
        });
        return client;
    }

    public async Task InitializeAsync(string rootDirectory, bool pullDiagnostics, CancellationToken cancellationToken)
    {
        var textDocument = new JsonObject
        {
            ["publishDiagnostics"] = new JsonObject(),
            ["synchronization"] = new JsonObject { ["didSave"] = true },
        };
        if (pullDiagnostics)
        {
            textDocument["diagnostic"] = new JsonObject();
        }

        var root = new Uri(rootDirectory + Path.DirectorySeparatorChar).AbsoluteUri;
        await this.RequestAsync(
            "initialize",
            new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = root,
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true },
                    ["textDocument"] = textDocument,
                },
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = "sample" }),
            },
            cancellationToken);
        await this.NotifyAsync("initialized", new JsonObject());
        await this.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["csharp"] = this.csharpSettings.DeepClone() } });
    }

    public Task OpenAsync(string path, string text) =>
        this.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

    /// <summary>Replaces the whole text of an open document (a change without a range).</summary>
    public Task ChangeAsync(string path, int version, string text) =>
        this.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    /// <summary>Pull diagnostics (<c>textDocument/diagnostic</c>) of one document.</summary>
    public async Task<IReadOnlyList<LspDiagnostic>> PullDiagnosticsAsync(string path, CancellationToken cancellationToken)
    {
        var result = await this.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(path) } }, cancellationToken);
        return LspDiagnostic.ParseAll(result?["items"] as JsonArray);
    }

    /// <summary>
    /// Waits for a <c>textDocument/publishDiagnostics</c> of <paramref name="path"/> that satisfies
    /// <paramref name="condition"/> (the server may publish several times while it loads and analyzes).
    /// </summary>
    public async Task<IReadOnlyList<LspDiagnostic>> WaitForPublishedAsync(string path, Func<IReadOnlyList<LspDiagnostic>, bool> condition, TimeSpan timeout, int minimumVersion = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        var uri = Uri(path);
        while (DateTime.UtcNow < deadline)
        {
            if (this.published.TryGetValue(uri, out var latest) && latest.Sequence >= minimumVersion && condition(latest.Diagnostics))
            {
                return latest.Diagnostics;
            }

            if (this.process.HasExited)
            {
                throw new InvalidOperationException("the language server exited:\n" + this.Log);
            }

            await Task.Delay(200);
        }

        var last = this.published.TryGetValue(uri, out var seen) ? string.Join("\n", seen.Diagnostics) : "(nothing published)";
        throw new TimeoutException($"no matching diagnostics for {path} within {timeout}. Last published:\n{last}\nServer log:\n{this.Log}");
    }

    /// <summary>How many times diagnostics of <paramref name="path"/> have been published so far.</summary>
    public int PublishCount(string path) => this.published.TryGetValue(Uri(path), out var p) ? p.Sequence : 0;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!this.process.HasExited)
            {
                using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await this.RequestAsync("shutdown", null, shutdown.Token);
                await this.NotifyAsync("exit", null);
                await this.process.WaitForExitAsync(shutdown.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException or TimeoutException)
        {
            // The server is killed below either way.
        }
        finally
        {
            if (!this.process.HasExited)
            {
                this.process.Kill(entireProcessTree: true);
            }

            this.process.Dispose();
            this.writeLock.Dispose();
        }
    }

    private static string Uri(string path) => new Uri(path).AbsoluteUri;

    private async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref this.nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        this.pending[id] = completion;
        await this.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        using (cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken)))
        {
            return await completion.Task;
        }
    }

    private Task NotifyAsync(string method, JsonNode? parameters) =>
        this.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await this.writeLock.WaitAsync();
        try
        {
            var stream = this.process.StandardInput.BaseStream;
            await stream.WriteAsync(header);
            await stream.WriteAsync(body);
            await stream.FlushAsync();
        }
        finally
        {
            this.writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var stream = this.process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = await ReadHeaderAsync(stream);
                if (length < 0)
                {
                    return;
                }

                var body = new byte[length];
                await stream.ReadExactlyAsync(body);
                await this.DispatchAsync(JsonNode.Parse(body)!.AsObject());
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
        {
            this.AppendLog("read loop ended: " + e.Message);
        }
        finally
        {
            foreach (var waiting in this.pending.Values)
            {
                waiting.TrySetException(new IOException("the language server closed its output"));
            }
        }
    }

    private static async Task<int> ReadHeaderAsync(Stream stream)
    {
        var length = -1;
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(buffer) == 0)
            {
                return -1;
            }

            if (buffer[0] != '\n')
            {
                line.Append((char)buffer[0]);
                continue;
            }

            var text = line.ToString().TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                return length;
            }

            if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(text.AsSpan("Content-Length:".Length), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private async Task DispatchAsync(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (this.pending.TryRemove(id.GetValue<int>(), out var completion))
            {
                if (message["error"] is { } error)
                {
                    completion.TrySetException(new InvalidOperationException("LSP error: " + error.ToJsonString()));
                }
                else
                {
                    completion.TrySetResult(message["result"]);
                }
            }

            return;
        }

        switch (method)
        {
            case "textDocument/publishDiagnostics":
                var uri = message["params"]!["uri"]!.GetValue<string>();
                var diagnostics = LspDiagnostic.ParseAll(message["params"]!["diagnostics"] as JsonArray);
                this.published.AddOrUpdate(uri, _ => new PublishedDiagnostics(1, diagnostics), (_, old) => new PublishedDiagnostics(old.Sequence + 1, diagnostics));
                this.AppendLog($"publishDiagnostics {uri}: {diagnostics.Count}");
                break;
            case "window/logMessage" or "window/showMessage":
                this.AppendLog(message["params"]?["message"]?.GetValue<string>() ?? string.Empty);
                break;
            case "workspace/configuration" when id is not null:
                var items = message["params"]?["items"] as JsonArray ?? new JsonArray();
                var answer = new JsonArray(items.Select(_ => (JsonNode?)this.csharpSettings.DeepClone()).ToArray());
                await this.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = answer });
                break;
            default:
                if (id is not null)
                {
                    await this.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = null });
                }

                break;
        }
    }

    private void AppendLog(string line)
    {
        lock (this.log)
        {
            this.log.AppendLine(line);
        }
    }

    private sealed record PublishedDiagnostics(int Sequence, IReadOnlyList<LspDiagnostic> Diagnostics);
}
