using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PrivacyAnalyzers.Tests.Infrastructure.LanguageServer;

/// <summary>A diagnostic as the language server reports it: zero-based range, LSP severity (1 error, 2 warning, 3 information, 4 hint).</summary>
internal sealed record LspDiagnostic(string? Code, int StartLine, int StartCharacter, int EndLine, int EndCharacter, int Severity, string Message)
{
    public const int Error = 1;
    public const int Warning = 2;

    public static IReadOnlyList<LspDiagnostic> ParseAll(JsonArray? items) =>
        items is null
            ? new List<LspDiagnostic>()
            : items.Where(i => i is not null).Select(i => Parse(i!.AsObject())).ToList();

    public override string ToString() =>
        $"{this.Code} ({this.StartLine},{this.StartCharacter})-({this.EndLine},{this.EndCharacter}) severity {this.Severity}: {this.Message}";

    private static LspDiagnostic Parse(JsonObject item)
    {
        var range = item["range"]!;
        return new LspDiagnostic(
            item["code"]?.ToString(),
            range["start"]!["line"]!.GetValue<int>(),
            range["start"]!["character"]!.GetValue<int>(),
            range["end"]!["line"]!.GetValue<int>(),
            range["end"]!["character"]!.GetValue<int>(),
            item["severity"]?.GetValue<int>() ?? 0,
            item["message"]?.GetValue<string>() ?? string.Empty);
    }
}
