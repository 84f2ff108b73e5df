using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Consent;

/// <summary>
/// PRIV021: a precise location (a location object, its latitude or longitude, or a configured member) passed to
/// a log sink, as a structured argument, inside an interpolated or concatenated message, or through a local.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LocationWrittenToLogAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LocationWrittenToLog);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var locations = LocationValues.For(start.Compilation);
            if (!locations.HasLocationTypes && !AnyFileConfiguresMembers(start.Compilation, start.Options))
            {
                return;
            }

            var sinks = LogSinks.For(start.Compilation);
            start.RegisterOperationAction(context => AnalyzeInvocation(context, sinks, locations), OperationKind.Invocation);
        });
    }

    private static bool AnyFileConfiguresMembers(Compilation compilation, AnalyzerOptions options)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!PrivacyOptions.LocationMembers.Read(options, DiagnosticIds.LocationWrittenToLog, tree).IsDefaultOrEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, LogSinks sinks, LocationValues locations)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var logged = new List<IOperation>();
        if (!sinks.IsSink(invocation, logged))
        {
            return;
        }

        var configured = PrivacyOptions.LocationMembers.ReadSymbols(context.Options, DiagnosticIds.LocationWrittenToLog, invocation.Syntax.SyntaxTree, context.Compilation);
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
