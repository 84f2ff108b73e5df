using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Options;
using PrivacyAnalyzers.Tests.Infrastructure;
using Xunit;

namespace PrivacyAnalyzers.Tests.Meta;

/// <summary>
/// The catalogue, the analyzers, the fixers, the release-tracking files and the docs agree with each other.
/// A new rule that forgets one of them fails here.
/// </summary>
public sealed class RuleMetadataTests
{
    private static readonly string[] RulePageSections =
    {
        "## What it finds", "## Why it matters", "## How to fix", "## How to configure", "## Examples", "## Implementation",
    };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in ProductCatalog.Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void Catalogue_IsNotEmpty_AndIdsAreUnique()
    {
        Assert.NotEmpty(ProductCatalog.Descriptors);
        Assert.Equal(ProductCatalog.Descriptors.Length, ProductCatalog.Descriptors.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void EveryAnalyzer_IsPublicSealedAndForCSharp()
    {
        Assert.NotEmpty(ProductCatalog.AnalyzerTypes);
        foreach (var type in ProductCatalog.AnalyzerTypes)
        {
            Assert.True(type.IsPublic && type.IsSealed, $"{type.Name} must be public and sealed");
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()!;
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute.Languages);
            Assert.EndsWith("Analyzer", type.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryDescriptor_IsSupportedByExactlyOneAnalyzer_AndAnalyzersSupportOnlyCatalogueDescriptors()
    {
        var supported = ProductCatalog.Analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();
        foreach (var descriptor in ProductCatalog.Descriptors)
        {
            Assert.Single(supported, d => d.Id == descriptor.Id);
        }

        Assert.All(supported, d => Assert.Contains(d, ProductCatalog.Descriptors));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_FollowsCatalogueConventions(string id)
    {
        var descriptor = Descriptor(id);

        Assert.Matches("^PRIV[0-9]{3}$", descriptor.Id);
        Assert.Equal("Privacy", descriptor.Category);
        Assert.Equal($"https://github.com/privacyanalyzers/PrivacyAnalyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString(CultureInfo.InvariantCulture)));
        Assert.False(descriptor.Title.ToString(CultureInfo.InvariantCulture).EndsWith('.'), "titles are not sentences");
        Assert.False(descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture).EndsWith('.'), "messages end without a period, as the compiler's do");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePage_ExistsWithEverySection_AndMatchesTheDescriptor(string id)
    {
        var descriptor = Descriptor(id);
        var page = RulePage(id);

        Assert.StartsWith($"# {id}: {descriptor.Title}\n", page, StringComparison.Ordinal);
        foreach (var section in RulePageSections)
        {
            Assert.Contains("\n" + section + "\n", page, StringComparison.Ordinal);
        }

        Assert.Contains($"| Default severity | {Severity(descriptor)} |", page, StringComparison.Ordinal);
        Assert.Contains($"| Code fix | {(HasCodeFix(id) ? "Yes" : "No")} |", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePage_LinksOnlyToFilesThatExist_AndNamesItsAnalyzer(string id)
    {
        var page = RulePage(id);
        var links = Regex.Matches(page, @"\]\((?<target>\.\.?/[^)#]+)\)").Select(m => m.Groups["target"].Value).ToList();
        var analyzer = ProductCatalog.Analyzers.Single(a => a.SupportedDiagnostics.Any(d => d.Id == id)).GetType().Name;

        Assert.Contains(links, link => link.EndsWith("/" + analyzer + ".cs", StringComparison.Ordinal));
        foreach (var link in links)
        {
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryPaths.RulePage(id))!, link));
            Assert.True(File.Exists(target) || Directory.Exists(target), $"{id}.md links to {link}, which does not exist");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePage_DocumentsEveryOptionOfTheRule(string id)
    {
        var page = RulePage(id);
        foreach (var option in PrivacyOptions.All.Where(o => o.RuleIds.Contains(id)))
        {
            Assert.Contains($"dotnet_code_quality.{id}.{option.Name}", page, StringComparison.Ordinal);
            Assert.Contains($"`{option.DefaultText}`", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryOption_IsInTheConfigurationReference()
    {
        var reference = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "configuration.md"));
        foreach (var option in PrivacyOptions.All)
        {
            Assert.Contains($"`{option.Name}`", reference, StringComparison.Ordinal);
            Assert.All(option.RuleIds, id => Assert.Contains(id, ProductCatalog.Descriptors.Select(d => d.Id)));
        }
    }

    [Fact]
    public void EveryRulePage_HasADescriptor()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryPaths.Docs, "rules"), "*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(ProductCatalog.Descriptors.Select(d => d.Id).OrderBy(x => x), pages.OrderBy(x => x));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void ReleaseTracking_HasTheRuleWithItsCategoryAndSeverity(string id)
    {
        var descriptor = Descriptor(id);
        var rows = File.ReadAllLines(Path.Combine(RepositoryPaths.AnalyzerProject, "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryPaths.AnalyzerProject, "AnalyzerReleases.Shipped.md")))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == id)
            .ToList();

        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled", row[2]);
    }

    [Fact]
    public void ReadmeRulesTable_MatchesTheCatalogue()
    {
        var rows = ReadRulesTable(File.ReadAllText(RepositoryPaths.Readme));
        Assert.Equal(ProductCatalog.Descriptors.Select(d => d.Id), rows.Keys.OrderBy(x => x, StringComparer.Ordinal));
        foreach (var descriptor in ProductCatalog.Descriptors)
        {
            var cells = rows[descriptor.Id];
            Assert.Equal($"[{descriptor.Id}](docs/rules/{descriptor.Id}.md)", cells[0]);
            Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(Severity(descriptor), cells[2]);
            Assert.Equal(HasCodeFix(descriptor.Id) ? "Yes" : "No", cells[3]);
        }
    }

    [Fact]
    public void DocsIndex_LinksEveryRulePage()
    {
        var index = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "README.md"));
        Assert.All(ProductCatalog.Descriptors, d => Assert.Contains($"(rules/{d.Id}.md)", index, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryCodeFix_FixesOnlyCatalogueIds_AndSupportsFixAll()
    {
        Assert.NotEmpty(ProductCatalog.CodeFixes);
        var ids = ProductCatalog.Descriptors.Select(d => d.Id).ToHashSet();
        foreach (var fixer in ProductCatalog.CodeFixes)
        {
            var type = fixer.GetType();
            Assert.True(type.IsPublic && type.IsSealed, $"{type.Name} must be public and sealed");
            Assert.EndsWith("Fixer", type.Name, StringComparison.Ordinal);
            Assert.Equal(new[] { LanguageNames.CSharp }, type.GetCustomAttribute<ExportCodeFixProviderAttribute>()!.Languages);
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.NotNull(fixer.GetFixAllProvider());

            var key = type.GetField("EquivalenceKey", BindingFlags.Public | BindingFlags.Static);
            Assert.True(key is { IsLiteral: true }, $"{type.Name} declares its equivalence key as a public const");
            Assert.StartsWith(fixer.FixableDiagnosticIds[0] + ".", (string)key!.GetRawConstantValue()!, StringComparison.Ordinal);
        }
    }

    private static DiagnosticDescriptor Descriptor(string id) => ProductCatalog.Descriptors.Single(d => d.Id == id);

    private static string RulePage(string id)
    {
        var path = RepositoryPaths.RulePage(id);
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing");
        return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static bool HasCodeFix(string id) => ProductCatalog.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));

    private static string Severity(DiagnosticDescriptor descriptor) =>
        descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";

    /// <summary>Rows of the README table whose first cell links a rule: id → cells.</summary>
    private static Dictionary<string, string[]> ReadRulesTable(string readme) =>
        readme.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("| [PRIV", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0].Substring(1, 7), cells => cells);
}
