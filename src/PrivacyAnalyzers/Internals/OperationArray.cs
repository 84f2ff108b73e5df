using System;
using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// The operations of a flattened tree, read like an array. Each is held in a struct: the runtime checks every store
/// into an array of an interface type (<c>IOperation[]</c>) against the array's element type, and the flattener stores
/// every operation of every block once; a store into an array of structs is not checked. Two are equal when they are
/// the same flattening (as with <c>ImmutableArray</c>, the storage is compared, not the operations).
/// </summary>
internal readonly struct OperationArray : IEquatable<OperationArray>
{
    private readonly Entry[] entries;

    public OperationArray(Entry[] entries) => this.entries = entries;

    public int Length => this.entries.Length;

    public IOperation this[int index] => this.entries[index].Operation;

    public Enumerator GetEnumerator() => new(this.entries, 0);

    /// <summary>The operations from <paramref name="start"/> on, enumerable without allocation.</summary>
    public Sequence From(int start) => new(this.entries, start);

    public static bool operator ==(OperationArray left, OperationArray right) => left.Equals(right);

    public static bool operator !=(OperationArray left, OperationArray right) => !left.Equals(right);

    public bool Equals(OperationArray other) => ReferenceEquals(this.entries, other.entries);

    public override bool Equals(object? obj) => obj is OperationArray other && this.Equals(other);

    public override int GetHashCode() => this.entries is null ? 0 : this.entries.GetHashCode();

    /// <summary>One operation, held by a struct so that storing it is a plain write.</summary>
    public readonly struct Entry
    {
        public readonly IOperation Operation;

        public Entry(IOperation operation) => this.Operation = operation;
    }

    /// <summary>A part of the array, enumerable without allocation.</summary>
    public readonly struct Sequence
    {
        private readonly Entry[] entries;
        private readonly int start;

        public Sequence(Entry[] entries, int start)
        {
            this.entries = entries;
            this.start = start;
        }

        public Enumerator GetEnumerator() => new(this.entries, this.start);
    }

    public struct Enumerator
    {
        private readonly Entry[] entries;
        private int index;

        public Enumerator(Entry[] entries, int start)
        {
            this.entries = entries;
            this.index = start - 1;
        }

        public readonly IOperation Current => this.entries[this.index].Operation;

        public bool MoveNext() => ++this.index < this.entries.Length;
    }
}
