using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Consent;

/// <summary>
/// PRIV020: a location API (device location, or IP geolocation of a web client) reached on a path where no
/// consent check said yes. Judged on the control-flow graph of the function that calls it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeolocationWithoutConsentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.GeolocationWithoutConsent);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeHandling.SkipGeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
            ConsentGatedCollection.Register(
                start,
                LocationSources.For(start.Compilation),
                CollectedData.Location,
                Descriptors.GeolocationWithoutConsent,
                PrivacyOptions.LocationSources));
    }
}
