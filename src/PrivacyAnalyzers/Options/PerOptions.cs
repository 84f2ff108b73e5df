using System;
using System.Collections.Concurrent;
using System.Threading;
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

    /// <summary>The tree asked about last and its value: the host runs a rule over one file's blocks in a row.</summary>
    private LastTree? last;

    /// <summary>The value in force for <paramref name="tree"/>, made by <paramref name="create"/> the first time its options are seen.</summary>
    public T For<TState>(AnalyzerOptions options, SyntaxTree tree, TState state, Func<AnalyzerOptions, SyntaxTree, TState, T> create)
    {
        // Asked for every block (and by PRIV021 for every log call): the same tree as last time is answered without the
        // options provider's lookup of the tree and this table's lookup of its options, which took 10 of PRIV002's
        // 195 ms in a 250k profile. The slot is one immutable object, so a thread reads a whole pair or another.
        var known = Volatile.Read(ref this.last);
        if (known is not null && ReferenceEquals(known.Tree, tree))
        {
            return known.Value;
        }

        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (!this.values.TryGetValue(config, out var value))
        {
            // Of two threads that build the value at once, both keep the one stored first.
            value = this.values.GetOrAdd(config, create(options, tree, state));
        }

        Volatile.Write(ref this.last, new LastTree(tree, value));
        return value;
    }

    /// <summary>A tree and its value, replaced as one object.</summary>
    private sealed class LastTree
    {
        public readonly SyntaxTree Tree;
        public readonly T Value;

        public LastTree(SyntaxTree tree, T value)
        {
            this.Tree = tree;
            this.Value = value;
        }
    }
}
