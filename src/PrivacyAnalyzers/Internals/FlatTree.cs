using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// An operation tree flattened in pre-order, with each operation's kind beside it and the invocations picked out.
/// The recording-access rules and the global-authorization scan each look at a few kinds of every operation of every
/// block: reading the kind from an array instead of asking each operation (an interface call on an object
/// somewhere in the heap) lets them skip the rest of a block without touching it.
/// </summary>
/// <remarks>
/// The flattener also keeps what those rules ask of every call and member read (the method called, the type of the
/// value), read while it holds each operation anyway: asking the operation again later means fetching it from memory
/// again, which on a block too large for the cache (thousands of endpoints in one method) is most of a rule's time.
/// </remarks>
internal sealed class FlatTree
{
    // A byte per operation: every kind the rules look for is below 256 (a newer compiler's kind above it is kept as
    // None, which no rule looks for). These arrays are the largest allocation of the recording rules.
    private readonly byte[] kinds;

    public FlatTree(
        OperationArray operations,
        byte[] kinds,
        IInvocationOperation[] invocations,
        IMethodSymbol[] targetMethods,
        ITypeSymbol?[] invocationTypes,
        ITypeSymbol?[] memberReferenceTypes,
        ILocalSymbol[] referencedLocals)
    {
        this.Operations = operations;
        this.kinds = kinds;
        this.Invocations = invocations;
        this.TargetMethods = targetMethods;
        this.InvocationTypes = invocationTypes;
        this.MemberReferenceTypes = memberReferenceTypes;
        this.ReferencedLocals = referencedLocals;
    }

    /// <summary>The root and every operation below it, in pre-order (the order of <c>DescendantsAndSelf()</c>).</summary>
    public OperationArray Operations { get; }

    /// <summary>The kind of <c>Operations[index]</c>.</summary>
    public OperationKind KindAt(int index) => (OperationKind)this.kinds[index];

    /// <summary>The byte the flattener keeps for <paramref name="kind"/>.</summary>
    public static byte Compact(OperationKind kind) => kind is > OperationKind.None and <= (OperationKind)byte.MaxValue ? (byte)kind : (byte)0;

    /// <summary>The invocations among <see cref="Operations"/>, in the same order.</summary>
    public IInvocationOperation[] Invocations { get; }

    /// <summary>The <c>TargetMethod</c> of each of <see cref="Invocations"/>, at the same index.</summary>
    public IMethodSymbol[] TargetMethods { get; }

    /// <summary>
    /// The <c>Type</c> of each of <see cref="Invocations"/>, at the same index: the called method's return type, as the
    /// operation keeps it (<c>IMethodSymbol.ReturnType</c> makes a new symbol on every read in nullable-enabled code).
    /// </summary>
    public ITypeSymbol?[] InvocationTypes { get; }

    /// <summary>The <c>Type</c> of each property and field reference among <see cref="Operations"/>, in the same order.</summary>
    public ITypeSymbol?[] MemberReferenceTypes { get; }

    /// <summary>
    /// The <c>Local</c> of each local reference among <see cref="Operations"/>, in the same order: grouping a long
    /// method's references by local read each reference again, a cache miss apiece once the method outgrows the cache.
    /// </summary>
    public ILocalSymbol[] ReferencedLocals { get; }
}
