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
/// PRIV002: right after the recording is loaded (and after its null check), inserts a resource-based authorization
/// check with an early <c>Forbid()</c>:
/// <code>
/// var authorization = await authorizationService.AuthorizeAsync(User, recording, "RecordingOwner");
/// if (!authorization.Succeeded)
/// {
///     return Forbid();
/// }
/// </code>
/// The policy is <c>resource_policy_name</c>. The <c>IAuthorizationService</c> is the controller's or page model's field
/// or property when it has one, otherwise a <c>[FromServices]</c> parameter is added. Offered only for async actions and
/// page handlers returning <c>IActionResult</c>/<c>ActionResult&lt;T&gt;</c> whose recording is held in a local (the
/// analyzer checks that), and when the local is declared in a block.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RecordingWithoutResourceCheckFixer)), Shared]
public sealed class RecordingWithoutResourceCheckFixer : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable for fix-all and for tests.</summary>
    public const string EquivalenceKey = "PRIV002.AuthorizeResource";

    private const string ServiceParameterName = "authorizationService";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.RecordingWithoutResourceCheck);

    /// <summary>One edit per document: fixes of several actions add parameters and statements side by side.</summary>
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
            if (Plan(root, diagnostic) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Authorize access to '{plan.Variable}' with the \"{plan.Policy}\" policy",
                    cancellationToken => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var done = new HashSet<MethodDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(editor.OriginalRoot, diagnostic) is not { } plan || !done.Add(plan.Method))
            {
                continue;
            }

            var service = plan.ServiceMember;
            if (service.Length == 0)
            {
                service = UniqueName(plan.Method, ServiceParameterName);
                var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(service))
                    .WithType(Qualified("Microsoft.AspNetCore.Authorization.IAuthorizationService").WithTrailingTrivia(SyntaxFactory.Space))
                    .AddAttributeLists(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Attribute(Qualified("Microsoft.AspNetCore.Mvc.FromServices")))).WithTrailingTrivia(SyntaxFactory.Space));
                var parameters = plan.Method.ParameterList.Parameters;
                var index = parameters.IndexOf(p => p.Default is not null || p.Modifiers.Any(SyntaxKind.ParamsKeyword));
                var list = plan.Method.ParameterList.WithParameters(index < 0 ? parameters.Add(parameter) : parameters.Insert(index, parameter));
                editor.ReplaceNode(plan.Method.ParameterList, list);
            }

            // Blank lines as a person would write them: around the new block, unless the code already has one there.
            var newLine = plan.Anchor.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var eol = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.EndOfLine("\n");
            var result = UniqueName(plan.Method, "authorization");
            var check = SyntaxFactory.ParseStatement(
                $"var {result} = await {service}.AuthorizeAsync(User, {plan.Variable}, {SyntaxFactory.Literal(plan.Policy).ToFullString()});");
            var forbid = SyntaxFactory.ParseStatement($"if (!{result}.Succeeded)\n{{\n    return Forbid();\n}}");
            check = check.WithLeadingTrivia(plan.Anchor is IfStatementSyntax ? SyntaxFactory.TriviaList(eol) : SyntaxFactory.TriviaList()).WithTrailingTrivia(eol);
            var next = plan.Anchor.Parent is BlockSyntax parentBlock && parentBlock.Statements.IndexOf(plan.Anchor) + 1 < parentBlock.Statements.Count
                ? parentBlock.Statements[parentBlock.Statements.IndexOf(plan.Anchor) + 1]
                : null;
            var blankAfter = next is not null && !next.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            forbid = forbid.WithTrailingTrivia(blankAfter ? SyntaxFactory.TriviaList(eol, eol) : SyntaxFactory.TriviaList(eol));
            editor.InsertAfter(plan.Anchor, new[]
            {
                check.WithAdditionalAnnotations(Formatter.Annotation),
                forbid.WithAdditionalAnnotations(Formatter.Annotation),
            });
        }

        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where and what to insert, or null when the fix cannot be applied safely.</summary>
    private static FixPlan? Plan(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != RecordingWithoutResourceCheckAnalyzer.FixAuthorizeResource ||
            !diagnostic.Properties.TryGetValue(DiagnosticProperties.RecordingVariable, out var variable) || variable is null ||
            !diagnostic.Properties.TryGetValue(DiagnosticProperties.PolicyName, out var policy) || policy is null ||
            !diagnostic.Properties.TryGetValue(DiagnosticProperties.AuthorizationServiceMember, out var service) || service is null ||
            root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { Body: { } body } method)
        {
            return null;
        }

        var declaration = body.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .FirstOrDefault(statement => statement.Declaration.Variables.Any(v => v.Identifier.ValueText == variable));
        if (declaration?.Parent is not BlockSyntax block)
        {
            return null;
        }

        StatementSyntax anchor = declaration;
        var index = block.Statements.IndexOf(declaration);
        if (index + 1 < block.Statements.Count && block.Statements[index + 1] is IfStatementSyntax { Else: null } nullCheck &&
            nullCheck.Condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == variable) &&
            nullCheck.Condition.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.NullLiteralExpression)) &&
            AlwaysLeaves(nullCheck.Statement))
        {
            anchor = nullCheck;
        }

        return new FixPlan(method, anchor, variable, policy, service);
    }

    private static bool AlwaysLeaves(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        BlockSyntax { Statements.Count: > 0 } block => block.Statements.Last() is ReturnStatementSyntax or ThrowStatementSyntax,
        _ => false,
    };

    private static string UniqueName(MethodDeclarationSyntax method, string name)
    {
        var used = new HashSet<string>(method.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        var candidate = name;
        for (var i = 2; used.Contains(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static NameSyntax Qualified(string name) =>
        SyntaxFactory.ParseName(name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    private sealed class FixPlan
    {
        public FixPlan(MethodDeclarationSyntax method, StatementSyntax anchor, string variable, string policy, string serviceMember)
        {
            this.Method = method;
            this.Anchor = anchor;
            this.Variable = variable;
            this.Policy = policy;
            this.ServiceMember = serviceMember;
        }

        public MethodDeclarationSyntax Method { get; }

        public StatementSyntax Anchor { get; }

        public string Variable { get; }

        public string Policy { get; }

        public string ServiceMember { get; }
    }
}
