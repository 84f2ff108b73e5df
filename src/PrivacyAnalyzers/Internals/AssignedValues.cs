using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// Answers "is this boolean always <c>false</c>?" for a value that is a constant, or a local or field
/// whose every assignment is that constant. Anything that might hold another value (a parameter, a
/// property, a local passed by <c>ref</c>, a public field) is unknown, and unknown is never flagged.
/// </summary>
internal static class AssignedValues
{
    public static bool IsAlwaysFalse(IOperation value, CancellationToken cancellationToken)
    {
        value = value.WalkDownConversions();
        if (ConstantValues.TryGetBoolean(value, out var constant))
        {
            return !constant;
        }

        return value switch
        {
            ILocalReferenceOperation local => LocalIsAlwaysFalse(local.Local, value.GetRoot()),
            IFieldReferenceOperation field => FieldIsAlwaysFalse(field.Field, cancellationToken),
            _ => false,
        };
    }

    private static bool LocalIsAlwaysFalse(ILocalSymbol local, IOperation root)
    {
        // A pattern, out-var, foreach or catch variable, or a ref local, gets its value from elsewhere.
        if (local.RefKind != RefKind.None ||
            local.DeclaringSyntaxReferences.Length != 1 ||
            local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax)
        {
            return false;
        }

        var assigned = false;
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    var initializer = declarator.GetVariableInitializer();
                    if (initializer is not null)
                    {
                        if (!IsFalseConstant(initializer.Value))
                        {
                            return false;
                        }

                        assigned = true;
                    }

                    break;

                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    switch (ClassifyWrite(reference))
                    {
                        case Write.None:
                            break;
                        case Write.False:
                            assigned = true;
                            break;
                        default:
                            return false;
                    }

                    break;

                case IVariableInitializerOperation { Value: ILocalReferenceOperation referenced } refInitializer
                    when SymbolEqualityComparer.Default.Equals(referenced.Local, local) && IsRefInitializer(refInitializer):
                    // `ref bool alias = ref local;` lets the alias write it.
                    return false;
            }
        }

        return assigned;
    }

    /// <summary>
    /// Every value assigned to <paramref name="local"/> inside <paramref name="root"/>: its initializer and its
    /// simple assignments. Default (unknown) when the local is also written another way (by <c>ref</c> or
    /// <c>out</c>, a compound or deconstructing assignment, a <c>ref</c> alias), is a pattern, <c>out</c>,
    /// <c>foreach</c> or <c>catch</c> variable, or is never assigned in <paramref name="root"/>.
    /// </summary>
    public static ImmutableArray<IOperation> GetAssignedValues(ILocalSymbol local, IOperation root)
    {
        if (local.RefKind != RefKind.None ||
            local.DeclaringSyntaxReferences.Length != 1 ||
            local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax)
        {
            return default;
        }

        var values = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        values.Add(initializer.Value);
                    }

                    break;

                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    switch (ClassifyWrite(reference))
                    {
                        case Write.None:
                            break;
                        case Write.Other:
                            return default;
                        default:
                            values.Add(((ISimpleAssignmentOperation)reference.Parent!).Value);
                            break;
                    }

                    break;

                case IVariableInitializerOperation { Value: ILocalReferenceOperation referenced } refInitializer
                    when SymbolEqualityComparer.Default.Equals(referenced.Local, local) && IsRefInitializer(refInitializer):
                    return default;
            }
        }

        return values.Count == 0 ? default : values.ToImmutable();
    }

    private static bool IsRefInitializer(IVariableInitializerOperation initializer) =>
        initializer.Parent is IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None };

    private enum Write
    {
        None,
        False,

        /// <summary>A plain <c>=</c> of a value other than the constant false.</summary>
        Simple,
        Other,
    }

    private static Write ClassifyWrite(IOperation reference)
    {
        var parent = reference.Parent;
        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                return assignment.IsRef ? Write.Other : IsFalseConstant(assignment.Value) ? Write.False : Write.Simple;
            case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation:
                return Write.Other;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                return Write.Other;
            case ISimpleAssignmentOperation { IsRef: true }:
                return Write.Other;
        }

        // Deconstruction: `(flag, other) = ...` writes every element of the tuple on its left.
        for (var current = reference; current.Parent is ITupleOperation tuple; current = tuple)
        {
            if (tuple.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == tuple)
            {
                return Write.Other;
            }
        }

        return Write.None;
    }

    private static bool IsFalseConstant(IOperation value) =>
        ConstantValues.TryGetBoolean(value, out var constant) && !constant;

    /// <summary>
    /// A field can be proven always false only when every write to it is visible in its own type: it is
    /// <c>readonly</c> or <c>private</c>. The writes are found in the type's declarations by name, a
    /// deliberately conservative syntax scan (any write to that name that is not the literal <c>false</c>
    /// counts against it, even one to a same-named local), so that no semantic model is needed for other files.
    /// </summary>
    private static bool FieldIsAlwaysFalse(IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (field.IsConst ||
            field.Type.SpecialType != SpecialType.System_Boolean ||
            !(field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private) ||
            field.DeclaringSyntaxReferences.Length != 1 ||
            field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
        {
            return false;
        }

        // No initializer: the field starts as default(bool), which is false.
        if (declarator.Initializer is { } initializer && !initializer.Value.IsKind(SyntaxKind.FalseLiteralExpression))
        {
            return false;
        }

        foreach (var typeReference in field.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var node in typeReference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier &&
                    identifier.Identifier.ValueText == field.Name &&
                    WritesOtherThanFalse(identifier))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool WritesOtherThanFalse(IdentifierNameSyntax identifier)
    {
        // `this.flag` and `Type.flag` are written through their member access.
        ExpressionSyntax target = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
        switch (target.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == target:
                return !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ||
                       !assignment.Right.IsKind(SyntaxKind.FalseLiteralExpression);
            case ArgumentSyntax { Parent: TupleExpressionSyntax }:
                // A tuple element may be the target of a deconstruction.
                return true;
            case ArgumentSyntax argument:
                return !argument.RefKindKeyword.IsKind(SyntaxKind.None);
            case RefExpressionSyntax:
                return true;
            default:
                return false;
        }
    }
}
