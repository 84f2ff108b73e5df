using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PrivacyAnalyzers.CodeFixes.Consent;

/// <summary>PRIV030: "Guard with consent check" before a microphone capture.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VoiceCaptureWithoutConsentFixer)), Shared]
public sealed class VoiceCaptureWithoutConsentFixer : ConsentGuardFixer
{
    /// <summary>The equivalence key of the fix, stable for fix-all and for tests.</summary>
    public const string EquivalenceKey = "PRIV030.GuardWithConsentCheck";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.VoiceCaptureWithoutConsent);

    private protected override string Key => EquivalenceKey;
}
