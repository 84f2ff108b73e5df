using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Model;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Consent;

/// <summary>
/// PRIV030: a microphone capture started on a path where no consent check said yes. Judged on the
/// control-flow graph of the function that starts it, like PRIV020.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VoiceCaptureWithoutConsentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.VoiceCaptureWithoutConsent);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeHandling.SkipGeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
            ConsentGatedCollection.Register(
                start,
                VoiceCaptureSources.For(start.Compilation),
                CollectedData.Voice,
                Descriptors.VoiceCaptureWithoutConsent,
                PrivacyOptions.CaptureSources));
    }
}
