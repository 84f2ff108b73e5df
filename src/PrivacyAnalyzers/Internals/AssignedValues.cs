using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    /// <summary>Per field, whether it is always false (one of the two objects below); kept while the symbol lives.</summary>
    private static readonly ConditionalWeakTable<IFieldSymbol, object> FieldVerdicts = new();
    private static readonly object AlwaysFalse = new();
    private static readonly object NotAlwaysFalse = new();

    public static bool IsAlwaysFalse(IOperation value, CancellationToken cancellationToken)
    {
        value = value.WalkDownBuiltInConversions();
        if (ConstantValues.TryGetBoolean(value, out var constant))
        {
            return !constant;
        }

        return value switch
        {
            ILocalReferenceOperation local => LocalIsAlwaysFalse(local.Local, value.GetRoot(), cancellationToken),
            IFieldReferenceOperation field => FieldIsAlwaysFalse(field.Field, cancellationToken),
            _ => false,
        };
    }

    private static bool LocalIsAlwaysFalse(ILocalSymbol local, IOperation root, CancellationToken cancellationToken)
    {
        // A pattern, out-var, foreach or catch variable, or a ref local, gets its value from elsewhere.
        if (local.RefKind != RefKind.None ||
            local.DeclaringSyntaxReferences.Length != 1 ||
            local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax)
        {
            return false;
        }

        return LocalWrites.Of(root, cancellationToken).IsAlwaysFalse(local);
    }

    /// <summary>
    /// The writes to every local of one method body (lambdas and local functions included), collected in one walk
    /// and kept while the operation tree lives: a method with many calls that pass locals is walked once, not once
    /// per call (which made a 20,000-line method quadratic).
    /// </summary>
    private sealed class LocalWrites
    {
        private static readonly ConditionalWeakTable<IOperation, LocalWrites> ByRoot = new();

        /// <summary>Per local: true when it is written at least once and every write is the constant false.</summary>
        private readonly Dictionary<ILocalSymbol, bool> onlyFalse = new(SymbolEqualityComparer.Default);

        public static LocalWrites Of(IOperation root, CancellationToken cancellationToken)
        {
            if (ByRoot.TryGetValue(root, out var known))
            {
                return known;
            }

            // Collected outside the table, so that a cancelled walk leaves nothing behind.
            var writes = Collect(root, cancellationToken);
            return ByRoot.GetValue(root, _ => writes);
        }

        public bool IsAlwaysFalse(ILocalSymbol local) => this.onlyFalse.TryGetValue(local, out var onlyFalse) && onlyFalse;

        private static LocalWrites Collect(IOperation root, CancellationToken cancellationToken)
        {
            var writes = new LocalWrites();

            // By the kind kept beside each operation: only declarators, local reads and initializers can write a local,
            // and testing every operation of a large body for three interfaces was most of this walk.
            var tree = OperationWalk.FlatContents(root);
            var operations = tree.Operations;
            for (var i = 0; i < operations.Length; i++)
            {
                if ((i & 0x3FF) == 0x3FF)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                switch (tree.KindAt(i))
                {
                    case OperationKind.VariableDeclarator:
                        var declarator = (IVariableDeclaratorOperation)operations[i];
                        if (CanHoldBoolean(declarator.Symbol.Type) && declarator.GetVariableInitializer() is { } initializer)
                        {
                            writes.Add(declarator.Symbol, IsFalseConstant(initializer.Value));
                        }

                        break;

                    case OperationKind.LocalReference:
                        // Most reads of a large body are of locals that can never hold false (counters, strings,
                        // lists): telling a read from a write for each was most of this walk (5 of 15 ms on a
                        // 20,000-line method), so only locals of a type a bool converts to are classified.
                        var reference = (ILocalReferenceOperation)operations[i];
                        if (!CanHoldBoolean(reference.Type))
                        {
                            break;
                        }

                        switch (ClassifyWrite(reference))
                        {
                            case Write.None:
                                break;
                            case Write.False:
                                writes.Add(reference.Local, isFalse: true);
                                break;
                            default:
                                writes.Add(reference.Local, isFalse: false);
                                break;
                        }

                        break;

                    case OperationKind.VariableInitializer
                        when operations[i] is IVariableInitializerOperation { Value: ILocalReferenceOperation referenced } refInitializer && IsRefInitializer(refInitializer):
                        // `ref bool alias = ref local;` lets the alias write it.
                        writes.Add(referenced.Local, isFalse: false);
                        break;
                }
            }

            return writes;
        }

        private void Add(ILocalSymbol local, bool isFalse)
        {
            if (!isFalse)
            {
                this.onlyFalse[local] = false;
            }
            else if (!this.onlyFalse.ContainsKey(local))
            {
                this.onlyFalse[local] = true;
            }
        }
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

        // By kind, as in LocalWrites: asked per local, each time over the whole body.
        var values = ImmutableArray.CreateBuilder<IOperation>();
        var tree = OperationWalk.FlatContents(root);
        for (var i = 0; i < tree.Operations.Length; i++)
        {
            var kind = tree.KindAt(i);
            if (kind is not (OperationKind.VariableDeclarator or OperationKind.LocalReference or OperationKind.VariableInitializer))
            {
                continue;
            }

            switch (tree.Operations[i])
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

    /// <summary>
    /// True for the types a <c>bool</c> converts to without a user-defined conversion (itself, <c>bool?</c>, <c>object</c>,
    /// <c>dynamic</c>, <c>ValueType</c>, its interfaces, a type parameter), and for a type the compiler could not bind.
    /// A local of another type holds a <c>bool</c> only through a user-defined conversion, whose result this analysis
    /// cannot know: it is never proven false.
    /// </summary>
    private static bool CanHoldBoolean(ITypeSymbol? type) =>
        type is null ||
        type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Object or SpecialType.System_ValueType ||
        type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error ||
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

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
        // The scan covers the whole containing type: once per field, not once per use (a large class that
        // passes the same field in many calls would otherwise be quadratic).
        if (FieldVerdicts.TryGetValue(field, out var known))
        {
            return known == AlwaysFalse;
        }

        var verdict = ScanFieldIsAlwaysFalse(field, cancellationToken) ? AlwaysFalse : NotAlwaysFalse;
        return FieldVerdicts.GetValue(field, _ => verdict) == AlwaysFalse;
    }

    private static bool ScanFieldIsAlwaysFalse(IFieldSymbol field, CancellationToken cancellationToken)
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
