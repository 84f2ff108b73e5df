using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Tests.Verifiers;

namespace PrivacyAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs analyzers the way a host does (concurrently, through <see cref="CompilationWithAnalyzers"/>) and
/// collects every exception an analyzer throws instead of turning it into an AD0001 warning.
/// </summary>
internal static class AnalyzerRunner
{
    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Analyzed",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"/src/File{i}.cs")),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static async Task<Result> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent = true, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);

        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        foreach (var crash in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(crash.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new Result(diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions.ToImmutableArray());
    }

    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions)
    {
        public IEnumerable<string> Ids => this.Diagnostics.Select(d => d.Id);
    }
}
