using System.Collections.Immutable;
using PrivacyAnalyzers.Options;
using Xunit;

namespace PrivacyAnalyzers.Tests.Options;

/// <summary>Option values as model cache keys: files with the same values share a model, files with others do not.</summary>
public sealed class OptionValuesComparerTests
{
    private static readonly OptionValuesComparer Comparer = OptionValuesComparer.Instance;

    [Fact]
    public void SameStringsInSameOrder_AreOneKey_WhateverTheArray()
    {
        var a = ImmutableArray.Create("T:A", "T:B");
        var b = ImmutableArray.Create("T:A", "T:B");

        Assert.True(Comparer.Equals(a, b));
        Assert.Equal(Comparer.GetHashCode(a), Comparer.GetHashCode(b));
        Assert.True(Comparer.Equals(default, ImmutableArray<string>.Empty));
        Assert.Equal(Comparer.GetHashCode(default(ImmutableArray<string>)), Comparer.GetHashCode(ImmutableArray<string>.Empty));
    }

    [Fact]
    public void OtherStrings_OtherOrder_OrOtherCase_AreOtherKeys()
    {
        var a = ImmutableArray.Create("T:A", "T:B");

        Assert.False(Comparer.Equals(a, ImmutableArray.Create("T:B", "T:A")));
        Assert.False(Comparer.Equals(a, ImmutableArray.Create("T:A")));
        Assert.False(Comparer.Equals(a, ImmutableArray.Create("t:a", "t:b")));
        Assert.False(Comparer.Equals(a, ImmutableArray<string>.Empty));
        Assert.False(Comparer.Equals((a, a, a), (a, a, ImmutableArray<string>.Empty)));
        Assert.True(Comparer.Equals((a, default, a), (ImmutableArray.Create("T:A", "T:B"), ImmutableArray<string>.Empty, a)));
    }
}
