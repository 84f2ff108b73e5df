using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PrivacyAnalyzers.Options;

/// <summary>
/// List-valued option values as cache keys: equal when they hold the same strings in the same order. Models are
/// looked up per file with the values in force there; comparing the lists (the same default array, almost always)
/// replaces joining them into a key string on every lookup.
/// </summary>
internal sealed class OptionValuesComparer :
    IEqualityComparer<ImmutableArray<string>>,
    IEqualityComparer<(ImmutableArray<string>, ImmutableArray<string>, ImmutableArray<string>)>
{
    public static readonly OptionValuesComparer Instance = new();

    private OptionValuesComparer()
    {
    }

    public bool Equals(ImmutableArray<string> x, ImmutableArray<string> y)
    {
        if (x.IsDefaultOrEmpty || y.IsDefaultOrEmpty)
        {
            return x.IsDefaultOrEmpty && y.IsDefaultOrEmpty;
        }

        if (x == y)
        {
            return true;
        }

        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return 0;
        }

        var hash = values.Length;
        foreach (var value in values)
        {
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(value));
        }

        return hash;
    }

    public bool Equals(
        (ImmutableArray<string>, ImmutableArray<string>, ImmutableArray<string>) x,
        (ImmutableArray<string>, ImmutableArray<string>, ImmutableArray<string>) y) =>
        this.Equals(x.Item1, y.Item1) && this.Equals(x.Item2, y.Item2) && this.Equals(x.Item3, y.Item3);

    public int GetHashCode((ImmutableArray<string>, ImmutableArray<string>, ImmutableArray<string>) values) =>
        unchecked((((this.GetHashCode(values.Item1) * 31) + this.GetHashCode(values.Item2)) * 31) + this.GetHashCode(values.Item3));
}
