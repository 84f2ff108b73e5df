using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Consent;

/// <summary>
/// PRIV021: a precise location (a location object, its latitude or longitude, a coordinate member of a type the
/// personal-data model classifies as personal data, or a configured member) passed to a log sink, as a structured
/// argument, inside an interpolated or concatenated message, or through a local.
/// </summary>
/// <remarks>
/// The app's own entities can hold a precise location in any compilation, so the only gate is the sinks: nothing
/// is registered when the compilation references none of them. Each invocation then costs a few symbol
/// comparisons unless it is a sink, and the personal-data model classifies each type once per compilation.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LocationWrittenToLogAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LocationWrittenToLog);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeHandling.SkipGeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var sinks = LogSinks.For(start.Compilation);
            if (!sinks.Exist)
            {
                return;
            }

            var locations = LocationValues.For(start.Compilation, start.Options, DiagnosticIds.LocationWrittenToLog);
            var configured = new PerOptions<SymbolSet>();
            start.RegisterOperationAction(context => AnalyzeInvocation(context, sinks, locations, configured), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, LogSinks sinks, LocationValues locations, PerOptions<SymbolSet> configuredByOptions)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (sinks.LoggedArguments(invocation) is not { } logged)
        {
            return;
        }

        // Options are fixed for one compilation analysis: the configured members are resolved once per options object.
        var configured = configuredByOptions.For(
            context.Options,
            invocation.Syntax.SyntaxTree,
            context.Compilation,
            static (options, tree, compilation) => PrivacyOptions.LocationMembers.ReadSymbols(options, DiagnosticIds.LocationWrittenToLog, tree, compilation));
        foreach (var value in logged)
        {
            if (locations.Describe(value, configured, context.CancellationToken) is { } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.LocationWrittenToLog,
                    invocation.Syntax.GetLocation(),
                    CollectionSource.DisplayName(invocation.TargetMethod),
                    location));
                return;
            }
        }
    }
}
