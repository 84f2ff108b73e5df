using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.CodeFixes.Consent;

/// <summary>
/// "Guard with consent check", shared by PRIV020 and PRIV030: inserts <c>if (!check) { return; }</c> (or
/// <c>!await check</c>) before the statement that collects. Offered only where that is safe and unambiguous:
/// exactly one consent check is configured (<c>consent_checks</c>), it can be called without arguments on
/// something in scope (itself static, <c>this</c>, or one field, property, parameter or local of its type),
/// and the function that collects can return early with a plain <c>return;</c> (it returns <c>void</c>, or is
/// <c>async</c> and returns <c>Task</c>/<c>ValueTask</c>), with the statement in its body, not in a loop,
/// <c>switch</c> or <c>finally</c> (where <c>return</c> would mean something else or not compile).
/// </summary>
public abstract class ConsentGuardFixer : CodeFixProvider
{
    public const string Title = "Guard with consent check";

    private protected ConsentGuardFixer()
    {
    }

    /// <summary>The equivalence key of the fix of this rule.</summary>
    private protected abstract string Key { get; }

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ConsentCheck, out var checkId) || checkId is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Plan(node, checkId, model, context.CancellationToken) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => InsertGuardAsync(context.Document, plan, cancellationToken), this.Key),
                diagnostic);
        }
    }

    private static Guard? Plan(SyntaxNode node, string checkId, SemanticModel model, CancellationToken cancellationToken)
    {
        var statement = EnclosingStatement(node);
        if (statement?.Parent is not BlockSyntax block || EnclosingFunction(block) is not { } function ||
            !CanReturnEarly(function, model, cancellationToken) || !OnlyPlainContainersBetween(block, function))
        {
            return null;
        }

        var check = ResolveCheck(checkId, model.Compilation);
        if (check is null)
        {
            return null;
        }

        var functionSymbol = FunctionSymbol(function, model, cancellationToken);
        var resultType = check is IMethodSymbol method ? method.ReturnType : ((IPropertySymbol)check).Type;
        var awaited = resultType.SpecialType != SpecialType.System_Boolean;
        if (awaited && !(IsAwaitableBoolean(resultType, model.Compilation) && functionSymbol is { IsAsync: true }))
        {
            return null;
        }

        var receiver = check.IsStatic
            ? SyntaxFactory.ParseExpression(check.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            : FindReceiver(check.ContainingType, statement, functionSymbol, model, cancellationToken);
        if (receiver is null)
        {
            return null;
        }

        // A member of the function's own type is called unqualified, as it would be written by hand.
        ExpressionSyntax call = receiver is ThisExpressionSyntax
            ? SyntaxFactory.IdentifierName(check.Name)
            : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(check.Name));
        if (check is IMethodSymbol)
        {
            call = SyntaxFactory.InvocationExpression(call);
        }

        if (awaited)
        {
            call = SyntaxFactory.AwaitExpression(call);
        }

        return new Guard(statement, call);
    }

    private static Task<Document> InsertGuardAsync(Document document, Guard guard, CancellationToken cancellationToken)
    {
        var condition = SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, guard.Check);
        var ifStatement = SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(SyntaxFactory.ReturnStatement()))
            .WithLeadingTrivia(guard.Statement.GetLeadingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
        var statement = guard.Statement.WithLeadingTrivia(Indentation(guard.Statement));

        return Task.FromResult(document.WithSyntaxRoot(
            guard.Statement.SyntaxTree.GetRoot(cancellationToken).ReplaceNode(guard.Statement, new SyntaxNode[] { ifStatement, statement })));
    }

    /// <summary>The statement's own indentation (the comments above it stay above the inserted guard).</summary>
    private static SyntaxTriviaList Indentation(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }

    /// <summary>The statement that contains <paramref name="node"/>, within the same function.</summary>
    private static StatementSyntax? EnclosingStatement(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
                case StatementSyntax statement when statement.Parent is BlockSyntax:
                    return statement;
            }
        }

        return null;
    }

    private static SyntaxNode? EnclosingFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>Between the block and the function body only blocks, <c>if</c>/<c>else</c>, <c>using</c>, <c>lock</c>, <c>try</c> and <c>catch</c>.</summary>
    private static bool OnlyPlainContainersBetween(BlockSyntax block, SyntaxNode function)
    {
        for (SyntaxNode? current = block; current is not null && current != function; current = current.Parent)
        {
            switch (current)
            {
                case BlockSyntax { Parent: FinallyClauseSyntax }:
                    return false;
                case BlockSyntax or IfStatementSyntax or ElseClauseSyntax or UsingStatementSyntax or LockStatementSyntax
                    or TryStatementSyntax or CatchClauseSyntax or CheckedStatementSyntax or UnsafeStatementSyntax or FixedStatementSyntax:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static IMethodSymbol? FunctionSymbol(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken) =>
        function is AnonymousFunctionExpressionSyntax lambda
            ? model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol
            : model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;

    private static bool CanReturnEarly(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
    {
        // An iterator returns an enumerable: never void, Task or ValueTask, so it is excluded below.
        if (FunctionSymbol(function, model, cancellationToken) is not { } symbol)
        {
            return false;
        }

        if (symbol.ReturnsVoid)
        {
            return true;
        }

        return symbol.IsAsync &&
               (IsType(symbol.ReturnType, model.Compilation, "System.Threading.Tasks.Task") ||
                IsType(symbol.ReturnType, model.Compilation, "System.Threading.Tasks.ValueTask"));
    }

    private static bool IsAwaitableBoolean(ITypeSymbol type, Compilation compilation) =>
        type is INamedTypeSymbol { Arity: 1 } named &&
        named.TypeArguments[0].SpecialType == SpecialType.System_Boolean &&
        (IsType(named.OriginalDefinition, compilation, WellKnownTypeNames.SystemTask1) ||
         IsType(named.OriginalDefinition, compilation, WellKnownTypeNames.SystemValueTask1));

    private static bool IsType(ITypeSymbol type, Compilation compilation, string metadataName) =>
        SymbolEqualityComparer.Default.Equals(type, compilation.GetTypeByMetadataName(metadataName));

    /// <summary>The one member the id names that can be called without arguments (a method) or read (a property).</summary>
    private static ISymbol? ResolveCheck(string id, Compilation compilation)
    {
        var candidates = new List<ISymbol>();
        foreach (var symbol in Resolve(id, compilation))
        {
            switch (symbol)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary, Arity: 0 } method when AllParametersOptional(method):
                    candidates.Add(method);
                    break;
                case IPropertySymbol { IsIndexer: false, GetMethod: not null } property:
                    candidates.Add(property);
                    break;
            }
        }

        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static IEnumerable<ISymbol> Resolve(string id, Compilation compilation)
    {
        if (id.StartsWith("M:", System.StringComparison.Ordinal) && id.IndexOf('(') < 0)
        {
            var lastDot = id.LastIndexOf('.');
            if (lastDot > 2)
            {
                foreach (var type in DocumentationCommentId.GetSymbolsForDeclarationId("T:" + id.Substring(2, lastDot - 2), compilation))
                {
                    if (type is INamedTypeSymbol named)
                    {
                        foreach (var member in named.GetMembers(id.Substring(lastDot + 1)))
                        {
                            yield return member;
                        }
                    }
                }
            }

            yield break;
        }

        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
        {
            yield return symbol;
        }
    }

    private static bool AllParametersOptional(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (!parameter.IsOptional && !parameter.IsParams)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What to call an instance check on: <c>this</c> when the function's type is the check's type, otherwise the one
    /// parameter, local, field or property in scope of that type (none or several: no fix).
    /// </summary>
    private static ExpressionSyntax? FindReceiver(INamedTypeSymbol checkType, StatementSyntax statement, IMethodSymbol? function, SemanticModel model, CancellationToken cancellationToken)
    {
        var containingType = model.GetEnclosingSymbol(statement.SpanStart, cancellationToken)?.ContainingType;
        var staticContext = IsStaticContext(function);
        if (!staticContext && IsOfType(containingType, checkType))
        {
            return SyntaxFactory.ThisExpression();
        }

        var nearby = new List<ISymbol>();
        var members = new List<ISymbol>();
        foreach (var symbol in model.LookupSymbols(statement.SpanStart))
        {
            switch (symbol)
            {
                case IParameterSymbol parameter when IsOfType(parameter.Type, checkType):
                    nearby.Add(parameter);
                    break;
                case ILocalSymbol local when IsOfType(local.Type, checkType) && DeclaredBefore(local, statement, cancellationToken):
                    nearby.Add(local);
                    break;
                case IFieldSymbol field when IsOfType(field.Type, checkType) && (field.IsStatic || !staticContext):
                    members.Add(field);
                    break;
                case IPropertySymbol { IsIndexer: false } property when IsOfType(property.Type, checkType) && (property.IsStatic || !staticContext):
                    members.Add(property);
                    break;
            }
        }

        var chosen = nearby.Count == 1 ? nearby[0] : nearby.Count == 0 && members.Count == 1 ? members[0] : null;
        return chosen switch
        {
            null => null,
            IFieldSymbol or IPropertySymbol when !chosen.IsStatic =>
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), SyntaxFactory.IdentifierName(chosen.Name)),
            IFieldSymbol or IPropertySymbol =>
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseExpression(chosen.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)),
                    SyntaxFactory.IdentifierName(chosen.Name)),
            _ => SyntaxFactory.IdentifierName(chosen.Name),
        };
    }

    private static bool IsStaticContext(IMethodSymbol? function)
    {
        for (ISymbol? current = function; current is IMethodSymbol method; current = method.ContainingSymbol)
        {
            if (method.IsStatic)
            {
                return true;
            }

            if (method.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
            {
                return false;
            }
        }

        return false;
    }

    private static bool DeclaredBefore(ILocalSymbol local, StatementSyntax statement, CancellationToken cancellationToken)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken).Span.End <= statement.SpanStart)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOfType(ITypeSymbol? type, INamedTypeSymbol checkType) =>
        type.IsOrDerivesFrom(checkType) || type.IsOrInheritsFrom(checkType);

    private sealed class Guard
    {
        public Guard(StatementSyntax statement, ExpressionSyntax check)
        {
            this.Statement = statement;
            this.Check = check;
        }

        public StatementSyntax Statement { get; }

        public ExpressionSyntax Check { get; }
    }
}
