using System;
using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// Values computed from the last few operation trees one thread asked about, found again by reference. The host runs
/// the analyzers one after another on the same method body, so what one rule computed from it (the flattened tree,
/// its local flow, its calls by receiver) is asked for again moments later by the next. Meant to be held in a
/// <see cref="ThreadStaticAttribute"/> field: nothing is shared between threads, and a thread holds on to no more
/// than its last few trees.
/// </summary>
internal sealed class RecentTrees<T>
    where T : class
{
    private readonly IOperation?[] roots;
    private readonly T?[] values;
    private int next;

    public RecentTrees(int capacity)
    {
        this.roots = new IOperation?[capacity];
        this.values = new T?[capacity];
    }

    /// <summary>The value kept for <paramref name="root"/>, or the one <paramref name="create"/> makes (and then kept, in place of the oldest).</summary>
    public T GetOrAdd<TState>(IOperation root, TState state, Func<IOperation, TState, T> create)
    {
        for (var i = 0; i < this.roots.Length; i++)
        {
            if (ReferenceEquals(this.roots[i], root))
            {
                return this.values[i]!;
            }
        }

        // Created before it is kept: a cancelled computation leaves nothing behind.
        var value = create(root, state);
        this.next = (this.next + 1) % this.roots.Length;
        this.roots[this.next] = root;
        this.values[this.next] = value;
        return value;
    }
}
