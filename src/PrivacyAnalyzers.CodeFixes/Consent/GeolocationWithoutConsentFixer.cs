using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PrivacyAnalyzers.CodeFixes.Consent;

/// <summary>PRIV020: "Guard with consent check" before a location source.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GeolocationWithoutConsentFixer)), Shared]
public sealed class GeolocationWithoutConsentFixer : ConsentGuardFixer
{
    /// <summary>The equivalence key of the fix, stable for fix-all and for tests.</summary>
    public const string EquivalenceKey = "PRIV020.GuardWithConsentCheck";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.GeolocationWithoutConsent);

    private protected override string Key => EquivalenceKey;
}
