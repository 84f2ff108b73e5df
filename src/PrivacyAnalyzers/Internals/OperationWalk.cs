using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// The operations of a tree in pre-order (the order of <c>DescendantsAndSelf()</c>), flattened once and reused: the
/// recording-access rules and the models they share (local flow, response content, endpoints, global authorization)
/// each walked every method body again, and the host runs those analyzers one after another on the same blocks.
/// </summary>
/// <remarks>Kept in <see cref="RecentTrees{T}"/>: a tree that is no longer among them is simply flattened again.</remarks>
internal static class OperationWalk
{
    // Whole blocks and their parts (lambda bodies) are kept apart, so that walking the thousand lambdas of one block
    // does not push the block itself out before the next rule asks for it.
    [ThreadStatic]
    private static RecentTrees<FlatTree>? recentBlocks;

    [ThreadStatic]
    private static RecentTrees<FlatTree>? recentParts;

    [ThreadStatic]
    private static Flattener? flattener;

    /// <summary><paramref name="root"/> and every operation below it, in pre-order.</summary>
    public static OperationArray DescendantsAndSelf(IOperation root) => Flat(root).Operations;

    /// <summary><paramref name="root"/> flattened, with kinds and invocations; callers must not change its arrays.</summary>
    public static FlatTree Flat(IOperation root)
    {
        // A block the host hands to a rule is the root or, for a method with a body, the root's only child.
        var isBlock = root.Parent?.Parent is null;
        var recent = isBlock ? recentBlocks ??= new RecentTrees<FlatTree>(4) : recentParts ??= new RecentTrees<FlatTree>(4);
        return recent.GetOrAdd(root, flattener ??= new Flattener(), static (tree, walker) => walker.Flatten(tree));
    }

    /// <summary>
    /// The statements and expressions of <paramref name="root"/>, in pre-order, for callers that never look at the
    /// method-body node itself: a method body with only a block is served as that block, the form the host hands
    /// rules, so that a model asking with <c>GetRoot()</c> shares the rules' flattening instead of making its own.
    /// </summary>
    public static OperationArray Contents(IOperation root) => FlatContents(root).Operations;

    /// <summary><see cref="Contents"/> with the kinds beside the operations, for callers that look at a few kinds only.</summary>
    public static FlatTree FlatContents(IOperation root) =>
        Flat(root is IMethodBodyOperation { BlockBody: { } block, ExpressionBody: null } ? block : root);

    /// <summary>Every operation below <paramref name="root"/>, in pre-order (the order of <c>Descendants()</c>).</summary>
    public static OperationArray.Sequence Descendants(IOperation root) => DescendantsAndSelf(root).From(1);

    /// <summary>True for kinds of operation that never have child operations (their operands are symbols or constants).</summary>
    internal static bool IsLeaf(OperationKind kind) => kind switch
    {
        OperationKind.Literal or OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.InstanceReference or
        OperationKind.DefaultValue or OperationKind.TypeOf or OperationKind.SizeOf or OperationKind.Discard or OperationKind.Branch or
        OperationKind.Empty or OperationKind.End or OperationKind.Stop or OperationKind.Utf8String or OperationKind.DiscardPattern or
        OperationKind.TypePattern or OperationKind.DeclarationPattern => true,
        _ => false,
    };

    /// <summary>A pre-order walk with an explicit stack (deeply nested lambdas must not overflow the thread's), reusing its buffers.</summary>
    private sealed class Flattener
    {
        private readonly List<OperationArray.Entry> buffer = new();
        private readonly List<byte> kinds = new();
        private readonly List<IInvocationOperation> invocations = new();
        private readonly List<IMethodSymbol> targetMethods = new();
        private readonly List<ITypeSymbol?> invocationTypes = new();
        private readonly List<ITypeSymbol?> memberReferenceTypes = new();
        private readonly List<ILocalSymbol> referencedLocals = new();
        private readonly Stack<IOperation.OperationList.Enumerator> pending = new();

        public FlatTree Flatten(IOperation root)
        {
            this.buffer.Clear();
            this.kinds.Clear();
            this.invocations.Clear();
            this.targetMethods.Clear();
            this.invocationTypes.Clear();
            this.memberReferenceTypes.Clear();
            this.referencedLocals.Clear();
            this.pending.Clear();
            this.Add(root);

            // The enumerator of the operation being walked stays in a local; its parent's waits on the stack only while
            // a child's children are walked. A leaf (a literal, a local or parameter read...), four in ten operations,
            // is never asked for its children: that is two interface calls and a stack push and pop saved for each.
            var children = root.ChildOperations.GetEnumerator();
            while (true)
            {
                if (children.MoveNext())
                {
                    var child = children.Current;
                    if (!IsLeaf(this.Add(child)))
                    {
                        this.pending.Push(children);
                        children = child.ChildOperations.GetEnumerator();
                    }
                }
                else if (this.pending.Count > 0)
                {
                    children = this.pending.Pop();
                }
                else
                {
                    break;
                }
            }

            var result = new FlatTree(
                new OperationArray(this.buffer.ToArray()),
                this.kinds.ToArray(),
                this.invocations.ToArray(),
                this.targetMethods.ToArray(),
                this.invocationTypes.ToArray(),
                this.memberReferenceTypes.ToArray(),
                this.referencedLocals.ToArray());

            // The buffers outlive the tree: nothing of it is kept alive through them.
            this.buffer.Clear();
            this.invocations.Clear();
            this.targetMethods.Clear();
            this.invocationTypes.Clear();
            this.memberReferenceTypes.Clear();
            this.referencedLocals.Clear();
            return result;
        }

        private OperationKind Add(IOperation operation)
        {
            var kind = operation.Kind;
            this.buffer.Add(new OperationArray.Entry(operation));
            this.kinds.Add(FlatTree.Compact(kind));
            switch (kind)
            {
                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)operation;
                    this.invocations.Add(invocation);
                    this.targetMethods.Add(invocation.TargetMethod);
                    this.invocationTypes.Add(invocation.Type);
                    break;
                case OperationKind.PropertyReference or OperationKind.FieldReference:
                    this.memberReferenceTypes.Add(operation.Type);
                    break;
                case OperationKind.LocalReference:
                    this.referencedLocals.Add(((ILocalReferenceOperation)operation).Local);
                    break;
            }

            return kind;
        }
    }
}
