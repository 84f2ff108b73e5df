using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.RecordingAccess;

namespace PrivacyAnalyzers.CodeFixes.RecordingAccess;

/// <summary>
/// PRIV001: requires authorization where the endpoint is declared: <c>[Authorize]</c> on the action (on the page
/// model class for Razor Pages), removing or replacing the <c>[AllowAnonymous]</c> that grants anonymous access, or
/// <c>.RequireAuthorization()</c> after the minimal-API <c>Map*</c> call. The analyzer chose which (property
/// <see cref="DiagnosticProperties.Fix"/>); without one (an <c>[AllowAnonymous]</c> on a class or route group that other
/// endpoints share) no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AnonymousRecordingDownloadFixer)), Shared]
public sealed class AnonymousRecordingDownloadFixer : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable for fix-all and for tests.</summary>
    public const string EquivalenceKey = "PRIV001.RequireAuthorization";

    private const string AuthorizeAttributeName = "Microsoft.AspNetCore.Authorization.Authorize";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.AnonymousRecordingDownload);

    /// <summary>
    /// Fix-all applies every fix of a document in one edit instead of the batch fixer's text merge: two handlers of one
    /// page model need a single <c>[Authorize]</c> on the class, and every fix may add the same <c>using</c>.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(static async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (model is null || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || FindTarget(root, model, diagnostic, fix) is null)
            {
                continue;
            }

            var title = fix switch
            {
                AnonymousRecordingDownloadAnalyzer.FixRemoveAllowAnonymous => "Remove [AllowAnonymous]",
                AnonymousRecordingDownloadAnalyzer.FixReplaceAllowAnonymous => "Replace [AllowAnonymous] with [Authorize]",
                AnonymousRecordingDownloadAnalyzer.FixRequireAuthorization => "Require authorization (.RequireAuthorization())",
                AnonymousRecordingDownloadAnalyzer.FixAddAuthorizeToType => "Add [Authorize] to the page model",
                _ => "Add [Authorize]",
            };

            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var done = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) ||
                FindTarget(editor.OriginalRoot, editor.SemanticModel, diagnostic, fix) is not { } target ||
                !done.Add(target))
            {
                continue;
            }

            switch (fix)
            {
                case AnonymousRecordingDownloadAnalyzer.FixRemoveAllowAnonymous:
                    RemoveAttribute(editor, (AttributeSyntax)target);
                    break;
                case AnonymousRecordingDownloadAnalyzer.FixReplaceAllowAnonymous:
                    editor.ReplaceNode(target, Authorize().WithTriviaFrom(target));
                    break;
                case AnonymousRecordingDownloadAnalyzer.FixRequireAuthorization:
                    editor.ReplaceNode(target, (current, _) => SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(
                            SyntaxKind.SimpleMemberAccessExpression,
                            ((ExpressionSyntax)current).WithoutTrailingTrivia(),
                            SyntaxFactory.IdentifierName("RequireAuthorization"))).WithTrailingTrivia(current.GetTrailingTrivia()));
                    break;
                default:
                    editor.AddAttribute(target, SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(Authorize())));
                    break;
            }
        }

        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The node the fix edits: the method or class to annotate, the attribute, or the <c>Map*</c> call.</summary>
    private static SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, string? fix)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        switch (fix)
        {
            case AnonymousRecordingDownloadAnalyzer.FixAddAuthorize:
                return node.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            case AnonymousRecordingDownloadAnalyzer.FixAddAuthorizeToType:
                return node.FirstAncestorOrSelf<ClassDeclarationSyntax>();
            case AnonymousRecordingDownloadAnalyzer.FixRemoveAllowAnonymous or AnonymousRecordingDownloadAnalyzer.FixReplaceAllowAnonymous:
                return FindAllowAnonymous(node, model, diagnostic.Location.SourceSpan.Start);
            case AnonymousRecordingDownloadAnalyzer.FixRequireAuthorization:
                return FindMapInvocation(node, diagnostic.Location.SourceSpan.Start);
            default:
                return null;
        }
    }

    /// <summary>The <c>Map*</c> call whose name starts at <paramref name="start"/> (minimal-API diagnostics start there).</summary>
    private static InvocationExpressionSyntax? FindMapInvocation(SyntaxNode node, int start) =>
        node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(invocation => invocation.Expression is MemberAccessExpressionSyntax access && access.Name.SpanStart == start);

    /// <summary>The <c>IAllowAnonymous</c> attribute of the action at the diagnostic, or of the lambda of its <c>Map*</c> call.</summary>
    private static AttributeSyntax? FindAllowAnonymous(SyntaxNode node, SemanticModel model, int start)
    {
        var allowAnonymous = model.Compilation.GetTypeByMetadataName(WellKnownTypeNames.AuthorizationIAllowAnonymous);
        IEnumerable<AttributeListSyntax> lists = FindMapInvocation(node, start) is { } map
            ? map.ArgumentList.Arguments.Select(argument => argument.Expression).OfType<LambdaExpressionSyntax>().SelectMany(lambda => lambda.AttributeLists)
            : node.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.AttributeLists ?? Enumerable.Empty<AttributeListSyntax>();

        foreach (var attribute in lists.SelectMany(list => list.Attributes))
        {
            if (model.GetTypeInfo(attribute).Type is INamedTypeSymbol type && type.AllInterfaces.Contains(allowAnonymous, SymbolEqualityComparer.Default))
            {
                return attribute;
            }
        }

        return null;
    }

    private static void RemoveAttribute(DocumentEditor editor, AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax { Parent: { } owner } list || list.Attributes.Count > 1)
        {
            editor.RemoveNode(attribute);
            return;
        }

        // The first attribute list carries the member's leading trivia (doc comment, indentation): keep it.
        var index = owner.ChildNodes().OfType<AttributeListSyntax>().ToList().IndexOf(list);
        editor.ReplaceNode(owner, (current, _) =>
        {
            var lists = current.ChildNodes().OfType<AttributeListSyntax>().ToList();
            if (index < 0 || index >= lists.Count)
            {
                return current;
            }

            var leading = lists[index].GetLeadingTrivia();
            var without = current.RemoveNode(lists[index], SyntaxRemoveOptions.KeepNoTrivia)!;
            return index == 0 ? without.WithLeadingTrivia(leading) : without;
        });
    }

    /// <summary><c>[Authorize]</c>, written fully qualified and reduced, with the using added where needed.</summary>
    private static AttributeSyntax Authorize() =>
        SyntaxFactory.Attribute(
            SyntaxFactory.ParseName(AuthorizeAttributeName).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
}
