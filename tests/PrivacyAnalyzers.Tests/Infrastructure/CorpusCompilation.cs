using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PrivacyAnalyzers.Corpus;

namespace PrivacyAnalyzers.Tests.Infrastructure;

/// <summary>
/// Compilations of the benchmark's generated code (bench/PrivacyAnalyzers.Corpus), against the references it
/// is made for: the SDK's .NET and ASP.NET Core reference packs and EF Core.
/// </summary>
internal static class CorpusCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        CorpusReferences.All.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray());

    public static CSharpCompilation Create(IEnumerable<CorpusFile> files, OutputKind kind = OutputKind.ConsoleApplication) =>
        CSharpCompilation.Create(
            "Corpus",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), f.Path)),
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Diagnostics in a stable order with everything that identifies them: id, file, span, message.</summary>
    public static ImmutableArray<string> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().Path}{d.Location.GetLineSpan().Span} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>Equal lists of <see cref="Sorted"/> diagnostics, or a message that shows the difference.</summary>
    public static void AssertSame(ImmutableArray<string> expected, ImmutableArray<string> actual, string what)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Xunit.Assert.True(
            expected.SequenceEqual(actual),
            $"the {what} differs: {expected.Length} diagnostics expected, {actual.Length} found\nmissing:\n  {string.Join("\n  ", missing)}\nunexpected:\n  {string.Join("\n  ", extra)}");
    }
}
