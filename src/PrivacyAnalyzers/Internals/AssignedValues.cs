using System;
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

    /// <summary>Per type definition, the names its declarations write with anything but the literal false.</summary>
    private static readonly ConditionalWeakTable<INamedTypeSymbol, HashSet<string>> NamesWrittenByType = new();

    public static bool IsAlwaysFalse(IOperation value, CancellationToken cancellationToken)
    {
        value = value.WalkDownBuiltInConversions();
        if (ConstantValues.TryGetBoolean(value, out var constant))
        {
            return !constant;
        }

        return value switch
        {
            ILocalReferenceOperation local => AreAllFalse(GetAssignedValues(local.Local, value.GetRoot(), cancellationToken)),
            IFieldReferenceOperation field => FieldIsAlwaysFalse(field.Field, cancellationToken),
            _ => false,
        };
    }

    /// <summary>
    /// Every value assigned to <paramref name="local"/> inside <paramref name="root"/>: its initializer and its
    /// simple assignments, in order. Default (unknown) when the local is also written another way (by <c>ref</c> or
    /// <c>out</c>, a compound or deconstructing assignment, a <c>ref</c> alias, its address), is a pattern, <c>out</c>,
    /// <c>foreach</c> or <c>catch</c> variable, or is never assigned in <paramref name="root"/>.
    /// </summary>
    public static ImmutableArray<IOperation> GetAssignedValues(ILocalSymbol local, IOperation root, CancellationToken cancellationToken)
    {
        // A pattern, out-var, foreach or catch variable, or a ref local, gets its value from elsewhere.
        if (local.RefKind != RefKind.None ||
            local.DeclaringSyntaxReferences.Length != 1 ||
            local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax)
        {
            return default;
        }

        return LocalUses.Of(root, cancellationToken).AssignedValues(local);
    }

    private static bool AreAllFalse(ImmutableArray<IOperation> values)
    {
        if (values.IsDefault)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (!IsFalseConstant(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The declarator and the references of every local of one method body (lambdas and local functions included),
    /// grouped in one walk and kept while the operation tree lives. Questions about one local then look at that
    /// local's own references: walking the whole body for each local asked about made a long method that logs many
    /// locals quadratic (8,000 lines took seconds), as walking it for each call that passes a local once did.
    /// </summary>
    private sealed class LocalUses
    {
        private static readonly ConditionalWeakTable<IOperation, LocalUses> ByRoot = new();

        private readonly Dictionary<ILocalSymbol, Uses> byLocal = new(SymbolEqualityComparer.Default);

        // The flattened body the references' indexes point into. Kept while the tree lives (8 bytes an operation, a
        // fraction of the tree's own size): lists of the reference operations themselves, which the GC must trace,
        // made PRIV040 on the 5,000- and 20,000-line methods 1.3 to 2 times as slow in a probe.
        private readonly OperationArray operations;

        private LocalUses(OperationArray operations) => this.operations = operations;

        public static LocalUses Of(IOperation root, CancellationToken cancellationToken)
        {
            if (ByRoot.TryGetValue(root, out var known))
            {
                return known;
            }

            // Collected outside the table, so that a cancelled walk leaves nothing behind.
            var uses = Collect(root, cancellationToken);
            return ByRoot.GetValue(root, _ => uses);
        }

        /// <summary>See <see cref="GetAssignedValues"/>; computed once per local, on first request.</summary>
        public ImmutableArray<IOperation> AssignedValues(ILocalSymbol local) =>
            this.byLocal.TryGetValue(local, out var uses) ? uses.AssignedValues(this.operations) : default;

        private static LocalUses Collect(IOperation root, CancellationToken cancellationToken)
        {
            // By the kind kept beside each operation: only declarators and local references can name a local. A
            // reference is grouped by the local the flattener read from it and kept as its index: the operation itself
            // is fetched again only to classify the references of a local someone asks about.
            var tree = OperationWalk.FlatContents(root);
            var operations = tree.Operations;
            var result = new LocalUses(operations);
            var locals = tree.ReferencedLocals;
            var nextLocal = 0;
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
                        result.For(declarator.Symbol).Declarator = declarator;
                        break;

                    case OperationKind.LocalReference:
                        result.For(locals[nextLocal++]).References.Add(i);
                        break;
                }
            }

            return result;
        }

        private Uses For(ILocalSymbol local)
        {
            if (!this.byLocal.TryGetValue(local, out var uses))
            {
                uses = new Uses();
                this.byLocal.Add(local, uses);
            }

            return uses;
        }

        /// <summary>One local's declarator and the indexes of its references in the flattened body, in pre-order; read-only once collected.</summary>
        private sealed class Uses
        {
            // Computed on first request; two threads asking at once both compute it, with the same result.
            private volatile Values? values;

            public IVariableDeclaratorOperation? Declarator { get; set; }

            /// <summary>Where the references are in the flattened body.</summary>
            public List<int> References { get; } = new();

            public ImmutableArray<IOperation> AssignedValues(OperationArray operations) => (this.values ??= new Values(this.Compute(operations))).Assigned;

            private ImmutableArray<IOperation> Compute(OperationArray operations)
            {
                var values = ImmutableArray.CreateBuilder<IOperation>();
                if (this.Declarator?.GetVariableInitializer() is { } initializer)
                {
                    values.Add(initializer.Value);
                }

                foreach (var index in this.References)
                {
                    var reference = operations[index];
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
                }

                return values.Count == 0 ? default : values.ToImmutable();
            }
        }

        /// <summary>A box for an immutable array, so that it is published with one reference write.</summary>
        private sealed class Values
        {
            public Values(ImmutableArray<IOperation> assigned) => this.Assigned = assigned;

            public ImmutableArray<IOperation> Assigned { get; }
        }
    }

    private static bool IsRefInitializer(IVariableInitializerOperation initializer) =>
        initializer.Parent is IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None };

    private enum Write
    {
        None,

        /// <summary>A plain <c>=</c>: the value assigned is known.</summary>
        Simple,
        Other,
    }

    private static Write ClassifyWrite(IOperation reference)
    {
        var parent = reference.Parent;
        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                return assignment.IsRef ? Write.Other : Write.Simple;
            case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation:
                return Write.Other;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                return Write.Other;
            case ISimpleAssignmentOperation { IsRef: true }:
                return Write.Other;

            // Aliases that can write it later: `ref bool alias = ref local;`, `ref (c ? ref local : ref other)`, `&local`.
            case IVariableInitializerOperation initializer when IsRefInitializer(initializer):
                return Write.Other;
            case IConditionalOperation { IsRef: true } or IAddressOfOperation:
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
        // Decided once per field, not once per use (a large class that passes the same field in many calls would
        // otherwise be quadratic); the containing type is scanned once for all its fields (below).
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

        return !NamesWrittenOtherThanFalse(field.ContainingType.OriginalDefinition, cancellationToken).Contains(field.Name);
    }

    /// <summary>
    /// The names <paramref name="type"/>'s declarations write with anything but the literal false, found in one scan
    /// per type: scanning the type again for each field asked about made a class with thousands of such fields
    /// quadratic (9 s for 2,000).
    /// </summary>
    private static HashSet<string> NamesWrittenOtherThanFalse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (NamesWrittenByType.TryGetValue(type, out var known))
        {
            return known;
        }

        // Collected outside the table, so that a cancelled scan leaves nothing behind.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var typeReference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in typeReference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && WritesOtherThanFalse(identifier))
                {
                    names.Add(identifier.Identifier.ValueText);
                }
            }
        }

        return NamesWrittenByType.GetValue(type, _ => names);
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
