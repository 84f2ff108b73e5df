using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// What counts as consent in one file, from its options: the configured consent checks
/// (<c>consent_checks</c>) and whether a permission the user granted to the app counts
/// (<c>accept_os_permission</c>; false for child-directed services, where only a parent's consent does).
/// </summary>
internal sealed class ConsentSettings
{
    private ConsentSettings(SymbolSet checks, ImmutableArray<string> checkIds, bool acceptOsPermission)
    {
        this.Checks = checks;
        this.CheckIds = checkIds;
        this.AcceptOsPermission = acceptOsPermission;
    }

    /// <summary>The members configured as consent checks.</summary>
    public SymbolSet Checks { get; }

    /// <summary>The configured documentation ids, as written (the code fix needs the one check's id).</summary>
    public ImmutableArray<string> CheckIds { get; }

    public bool AcceptOsPermission { get; }

    public static ConsentSettings Read(AnalyzerOptions options, string ruleId, SyntaxTree tree, Compilation compilation)
    {
        var ids = PrivacyOptions.ConsentChecks.Read(options, ruleId, tree);
        return new ConsentSettings(
            SymbolSet.Resolve(compilation, ids),
            ids.IsDefault ? ImmutableArray<string>.Empty : ids,
            PrivacyOptions.AcceptOsPermission.Read(options, ruleId, tree));
    }

    public override bool Equals(object? obj) =>
        obj is ConsentSettings other && ReferenceEquals(this.Checks, other.Checks) && this.AcceptOsPermission == other.AcceptOsPermission;

    public override int GetHashCode() =>
        (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this.Checks) * 2) + (this.AcceptOsPermission ? 1 : 0);
}
