using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyAnalyzers.Options;

/// <summary>
/// Values made of option values only (models built from a rule's options), kept per <see cref="AnalyzerConfigOptions"/>
/// object for one compilation analysis. Files without <c>.editorconfig</c> settings of their own share one options
/// object, so a project without any builds each value once instead of once per file; files with their own settings
/// get their own object, and so their own value.
/// </summary>
internal sealed class PerOptions<T>
    where T : class
{
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, T> values = new();

    /// <summary>The value in force for <paramref name="tree"/>, made by <paramref name="create"/> the first time its options are seen.</summary>
    public T For<TState>(AnalyzerOptions options, SyntaxTree tree, TState state, Func<AnalyzerOptions, SyntaxTree, TState, T> create)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (!this.values.TryGetValue(config, out var value))
        {
            value = create(options, tree, state);
            this.values.TryAdd(config, value);
        }

        return value;
    }
}
