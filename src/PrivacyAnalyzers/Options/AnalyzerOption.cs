using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyAnalyzers.Options;

/// <summary>Parses the text of an <c>.editorconfig</c> value; false when the text is not a valid value.</summary>
internal delegate bool OptionParser<T>(string text, out T value);

/// <summary>What every option says about itself: read by the docs meta tests.</summary>
internal interface IAnalyzerOption
{
    string Name { get; }

    ImmutableArray<string> RuleIds { get; }

    string DefaultText { get; }
}

/// <summary>
/// One <c>.editorconfig</c> option, declared once with its key and default. A value is looked up in the
/// .NET convention, most specific first: <c>dotnet_code_quality.PRIVnnn.name</c> for one rule, then
/// <c>dotnet_code_quality.Privacy.name</c> for every rule of the package. An invalid value falls back to the
/// next key, then to the default: a typo in a config never breaks a build.
/// </summary>
internal sealed class AnalyzerOption<T> : IAnalyzerOption
{
    private readonly OptionParser<T> parser;
    private readonly Dictionary<string, string> ruleKeys;
    private readonly string categoryKey;

    public AnalyzerOption(string name, T defaultValue, string defaultText, OptionParser<T> parser, params string[] ruleIds)
    {
        this.Name = name;
        this.DefaultValue = defaultValue;
        this.DefaultText = defaultText;
        this.parser = parser;
        this.RuleIds = ImmutableArray.Create(ruleIds);
        this.categoryKey = $"dotnet_code_quality.{Descriptors.Category}.{name}";
        this.ruleKeys = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var id in ruleIds)
        {
            this.ruleKeys[id] = $"dotnet_code_quality.{id}.{name}";
        }
    }

    public string Name { get; }

    public T DefaultValue { get; }

    public string DefaultText { get; }

    public ImmutableArray<string> RuleIds { get; }

    public T Read(AnalyzerConfigOptions options, string ruleId)
    {
        if (this.ruleKeys.TryGetValue(ruleId, out var ruleKey) && this.TryRead(options, ruleKey, out var value))
        {
            return value;
        }

        return this.TryRead(options, this.categoryKey, out value) ? value : this.DefaultValue;
    }

    /// <summary>The value in force for <paramref name="tree"/> (editorconfig sections can differ per file).</summary>
    public T Read(AnalyzerOptions options, string ruleId, SyntaxTree tree) =>
        this.Read(options.AnalyzerConfigOptionsProvider.GetOptions(tree), ruleId);

    /// <summary>For symbol-list options: the symbols named for <paramref name="tree"/>, resolved in <paramref name="compilation"/>.</summary>
    public SymbolSet ReadSymbols(AnalyzerOptions options, string ruleId, SyntaxTree tree, Compilation compilation) =>
        this.Read(options, ruleId, tree) is ImmutableArray<string> ids ? SymbolSet.Resolve(compilation, ids) : SymbolSet.Empty;

    private bool TryRead(AnalyzerConfigOptions options, string key, out T value)
    {
        if (options.TryGetValue(key, out var text) && this.parser(text.Trim(), out value))
        {
            return true;
        }

        value = default!;
        return false;
    }
}
