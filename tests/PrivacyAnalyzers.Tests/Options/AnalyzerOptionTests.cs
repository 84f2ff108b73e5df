using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Options;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.Options;

/// <summary>The options reader: key precedence, invalid values, and symbol lists given as documentation ids.</summary>
public sealed class AnalyzerOptionTests
{
    private static readonly AnalyzerOption<int> Threshold = new("threshold", 10, "10", OptionParsers.NonNegativeInt32, "PRIV998", "PRIV999");
    private static readonly AnalyzerOption<ImmutableArray<string>> Checks = new("checks", ImmutableArray<string>.Empty, "", OptionParsers.SymbolIds, "PRIV999");

    [Fact]
    public void RuleKey_WinsOverCategoryKey_WhichWinsOverDefault()
    {
        var options = new DictionaryOptions(
            ("dotnet_code_quality.PRIV999.threshold", "3"),
            ("dotnet_code_quality.Privacy.threshold", "7"));

        Assert.Equal(3, Threshold.Read(options, "PRIV999"));
        Assert.Equal(7, Threshold.Read(options, "PRIV998"));
        Assert.Equal(10, Threshold.Read(new DictionaryOptions(), "PRIV999"));
    }

    [Fact]
    public void InvalidValue_FallsBackToTheNextKey()
    {
        var options = new DictionaryOptions(
            ("dotnet_code_quality.PRIV999.threshold", "-4"),
            ("dotnet_code_quality.Privacy.threshold", " 12 "));

        Assert.Equal(12, Threshold.Read(options, "PRIV999"));
        Assert.Equal(10, Threshold.Read(new DictionaryOptions(("dotnet_code_quality.Privacy.threshold", "many")), "PRIV999"));
    }

    [Fact]
    public void SymbolIds_ResolveTypesMethodsAndEveryOverloadOfAnUnparenthesizedMethod()
    {
        var compilation = AnalyzerRunner.Compile("""
            namespace App
            {
                public class Consent
                {
                    public bool HasConsent() => true;
                    public bool HasConsent(string child) => true;
                    public bool Other() => true;
                }
            }
            """);
        var options = new DictionaryOptions(("dotnet_code_quality.PRIV999.checks", "M:App.Consent.HasConsent | T:App.Consent | M:App.Missing.Nope | not-an-id"));
        var ids = Checks.Read(options, "PRIV999");
        var set = SymbolSet.Resolve(compilation, ids);

        var type = compilation.GetTypeByMetadataName("App.Consent")!;
        Assert.True(set.Contains(type));
        Assert.All(type.GetMembers("HasConsent"), m => Assert.True(set.Contains(m)));
        Assert.False(set.Contains(type.GetMembers("Other").Single()));
        Assert.Equal(3, ids.Length);
        Assert.Same(set, SymbolSet.Resolve(compilation, ids));
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values;

        public DictionaryOptions(params (string Key, string Value)[] values) =>
            this.values = values.ToDictionary(v => v.Key, v => v.Value);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => this.values.TryGetValue(key, out value);
    }
}
