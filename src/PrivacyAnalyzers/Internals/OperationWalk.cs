using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// The operations of a tree in pre-order (the order of <c>DescendantsAndSelf()</c>), flattened once and reused: the
/// recording-access rules and the models they share (local flow, response content, endpoints, global authorization)
/// each walked every method body again, and the host runs those analyzers one after another on the same blocks.
/// </summary>
/// <remarks>
/// The few most recent trees are kept per thread, so nothing is shared between threads and nothing outlives the
/// analysis of a handful of blocks; a tree that is not among them is simply flattened again.
/// </remarks>
internal static class OperationWalk
{
    private const int BlockSlots = 4;
    private const int PartSlots = 4;

    [ThreadStatic]
    private static Recent? recent;

    /// <summary><paramref name="root"/> and every operation below it, in pre-order; callers must not change the array.</summary>
    public static IOperation[] DescendantsAndSelf(IOperation root)
    {
        var cache = recent ??= new Recent();

        // Whole blocks and the parts of them (lambda bodies) rotate separately, so that walking the thousand
        // lambdas of one block does not push the block itself out before the next rule asks for it.
        var isBlock = root.Parent is null;
        var offset = isBlock ? 0 : BlockSlots;
        var slots = isBlock ? BlockSlots : PartSlots;
        for (var i = offset; i < offset + slots; i++)
        {
            if (ReferenceEquals(cache.Roots[i], root))
            {
                return cache.Operations[i]!;
            }
        }

        var flattened = cache.Flatten(root);
        ref var next = ref isBlock ? ref cache.NextBlock : ref cache.NextPart;
        next = (next + 1) % slots;
        cache.Roots[offset + next] = root;
        cache.Operations[offset + next] = flattened;
        return flattened;
    }

    /// <summary>Every operation below <paramref name="root"/>, in pre-order (the order of <c>Descendants()</c>).</summary>
    public static Sequence Descendants(IOperation root) => new(DescendantsAndSelf(root), 1);

    /// <summary>A part of a flattened tree, enumerable without allocation.</summary>
    public readonly struct Sequence
    {
        private readonly IOperation[] operations;
        private readonly int start;

        public Sequence(IOperation[] operations, int start)
        {
            this.operations = operations;
            this.start = start;
        }

        public Enumerator GetEnumerator() => new(this.operations, this.start);

        public struct Enumerator
        {
            private readonly IOperation[] operations;
            private int index;

            public Enumerator(IOperation[] operations, int start)
            {
                this.operations = operations;
                this.index = start - 1;
            }

            public readonly IOperation Current => this.operations[this.index];

            public bool MoveNext() => ++this.index < this.operations.Length;
        }
    }

    private sealed class Recent
    {
        public readonly IOperation?[] Roots = new IOperation?[BlockSlots + PartSlots];
        public readonly IOperation[]?[] Operations = new IOperation[]?[BlockSlots + PartSlots];
        public int NextBlock;
        public int NextPart;

        private readonly List<IOperation> buffer = new();
        private readonly Stack<IOperation.OperationList.Enumerator> pending = new();

        public IOperation[] Flatten(IOperation root)
        {
            this.buffer.Clear();
            this.pending.Clear();
            this.buffer.Add(root);
            this.pending.Push(root.ChildOperations.GetEnumerator());
            while (this.pending.Count > 0)
            {
                var children = this.pending.Pop();
                if (children.MoveNext())
                {
                    var child = children.Current;
                    this.pending.Push(children);
                    this.buffer.Add(child);
                    this.pending.Push(child.ChildOperations.GetEnumerator());
                }
            }

            var result = this.buffer.ToArray();
            this.buffer.Clear();
            return result;
        }
    }
}
