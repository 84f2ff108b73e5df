using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.CodeFixes.Internals;

/// <summary>Helpers the fixers share to find what a diagnostic points at.</summary>
internal static class SyntaxNodeExtensions
{
    /// <summary>
    /// The innermost <typeparamref name="T"/> at or around the diagnostic's span. A diagnostic on a positional
    /// argument, for example, has the span of its expression: this walks up to the argument.
    /// </summary>
    public static T? FindEnclosing<T>(this SyntaxNode? root, Diagnostic diagnostic)
        where T : SyntaxNode =>
        root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<T>();
}
