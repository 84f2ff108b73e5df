using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Options;
using Xunit;

namespace PrivacyAnalyzers.Tests.Options;

/// <summary>
/// Values made of option values are built once per options object: files that share one (no settings of their
/// own) share the value, and a file with its own settings gets its own, built from them.
/// </summary>
public sealed class PerOptionsTests
{
    [Fact]
    public void Files_sharing_an_options_object_share_the_value_and_a_file_with_its_own_gets_its_own()
    {
        var plain1 = CSharpSyntaxTree.ParseText("class A { }", path: "/src/A.cs");
        var plain2 = CSharpSyntaxTree.ParseText("class B { }", path: "/src/B.cs");
        var special = CSharpSyntaxTree.ParseText("class C { }", path: "/special/C.cs");
        var shared = new DictionaryOptions();
        var own = new DictionaryOptions(("dotnet_code_quality.PRIV002.resource_policy_name", "Owner"));
        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new TreeOptionsProvider(new Dictionary<SyntaxTree, AnalyzerConfigOptions> { [plain1] = shared, [plain2] = shared, [special] = own }));

        var built = new List<string>();
        var values = new PerOptions<string>();
        string Read(SyntaxTree tree) => values.For(options, tree, built, static (options, tree, log) =>
        {
            var value = PrivacyOptions.ResourcePolicyName.Read(options, "PRIV002", tree);
            log.Add(value);
            return value;
        });

        var first = Read(plain1);
        Assert.Same(first, Read(plain2));
        Assert.Equal("Owner", Read(special));
        Assert.Same(first, Read(plain1));
        Assert.Equal(new[] { PrivacyOptions.ResourcePolicyName.DefaultValue, "Owner" }, built);
    }

    private sealed class TreeOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<SyntaxTree, AnalyzerConfigOptions> byTree;

        public TreeOptionsProvider(Dictionary<SyntaxTree, AnalyzerConfigOptions> byTree) => this.byTree = byTree;

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => this.byTree[tree];

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.GlobalOptions;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values = new();

        public DictionaryOptions(params (string Key, string Value)[] values)
        {
            foreach (var (key, value) in values)
            {
                this.values[key] = value;
            }
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => this.values.TryGetValue(key, out value);
    }
}
