using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using PrivacyAnalyzers.CodeFixes.Internals;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.CodeFixes.AccountTakeover;

/// <summary>
/// PRIV041: assigns the recommended value the analyzer chose (from the options in force) in place of the weak one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakIdentityOptionsFixer)), Shared]
public sealed class WeakIdentityOptionsFixer : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable for fix-all and for tests.</summary>
    public const string EquivalenceKey = "PRIV041.UseRecommendedValue";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.WeakIdentityOptions);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ReplacementExpression, out var replacementText) ||
                replacementText is null ||
                root.FindEnclosing<AssignmentExpressionSyntax>(diagnostic) is not { } assignment)
            {
                continue;
            }

            var replacement = SyntaxFactory.ParseExpression(replacementText);
            if (replacement.ContainsDiagnostics)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use the recommended value ({replacement.WithoutTrivia().ToString().Replace("global::System.", string.Empty)})",
                    cancellationToken => ReplaceValueAsync(context.Document, assignment, replacement, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceValueAsync(Document document, AssignmentExpressionSyntax assignment, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);

        // Written fully qualified, then every name in it simplified to what the file's usings allow.
        var newValue = replacement
            .ReplaceNodes(replacement.DescendantNodesAndSelf().OfType<ExpressionSyntax>(), static (_, node) => node.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithTriviaFrom(assignment.Right);
        return document.WithSyntaxRoot(root!.ReplaceNode(assignment.Right, newValue));
    }
}
