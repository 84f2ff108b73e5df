using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrivacyAnalyzers.CodeFixes.Internals;

namespace PrivacyAnalyzers.CodeFixes.AccountTakeover;

/// <summary>PRIV040: passes <c>true</c> as the <c>lockoutOnFailure</c> argument, keeping a name if it had one.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PasswordSignInWithoutLockoutFixer)), Shared]
public sealed class PasswordSignInWithoutLockoutFixer : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable for fix-all and for tests.</summary>
    public const string EquivalenceKey = "PRIV040.EnableLockoutOnFailure";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PasswordSignInWithoutLockout);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindEnclosing<ArgumentSyntax>(diagnostic) is not { } argument)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Lock the account out on failed attempts (lockoutOnFailure: true)",
                    cancellationToken => SetTrueAsync(context.Document, argument, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> SetTrueAsync(Document document, ArgumentSyntax argument, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root!.ReplaceNode(argument.Expression, replacement));
    }
}
