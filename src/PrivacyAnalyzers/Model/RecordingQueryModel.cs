using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// How code reads recordings from storage: one recording by key (<c>DbSet&lt;T&gt;.Find/FindAsync</c>,
/// <c>DbContext.Find&lt;T&gt;</c>, <c>First/Single(OrDefault)(Async)</c> with a predicate or after a <c>Where</c>, a
/// repository <c>Get*</c>/<c>Find*</c> method returning a recording), and collections of recordings (queries rooted at a
/// <c>DbSet&lt;T&gt;</c> or <c>Set&lt;T&gt;()</c>, and repository methods returning recordings), with the filters each applies.
/// Whether a filter involves the current user is answered with <see cref="CurrentUserModel"/>: an equality, an
/// <c>Equals</c> or a <c>Contains</c> with a current-user operand.
/// </summary>
internal sealed class RecordingQueryModel
{
    private static readonly ConditionalWeakTable<Compilation, RecordingQueryModel> Cache = new();

    private readonly INamedTypeSymbol? dbSet;
    private readonly INamedTypeSymbol? dbContext;
    private readonly INamedTypeSymbol? enumerable;
    private readonly INamedTypeSymbol? queryable;
    private readonly INamedTypeSymbol? efQueryable;
    private readonly INamedTypeSymbol? cancellationToken;

    private RecordingQueryModel(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        this.dbSet = types.Get(WellKnownTypeNames.EfDbSet1);
        this.dbContext = types.Get(WellKnownTypeNames.EfDbContext);
        this.enumerable = types.Get(WellKnownTypeNames.SystemLinqEnumerable);
        this.queryable = types.Get(WellKnownTypeNames.SystemLinqQueryable);
        this.efQueryable = types.Get(WellKnownTypeNames.EfQueryableExtensions);
        this.cancellationToken = types.Get(WellKnownTypeNames.SystemThreadingCancellationToken);
    }

    public static RecordingQueryModel For(Compilation compilation) => Cache.GetValue(compilation, static c => new RecordingQueryModel(c));

    /// <summary>
    /// True when <paramref name="invocation"/> loads one recording; <paramref name="filters"/> are the operands that
    /// select it (the keys, the predicates of the call and of its query).
    /// </summary>
    public bool IsSingleLoad(IInvocationOperation invocation, RecordingModel recordings, LocalFlow flow, out ImmutableArray<IOperation> filters)
    {
        filters = ImmutableArray<IOperation>.Empty;
        var method = invocation.TargetMethod;
        var result = method.ReturnType.UnwrapTask();
        if (!recordings.IsRecordingType(result))
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<IOperation>();
        if (method.Name is "Find" or "FindAsync" &&
            (method.ContainingType.IsOrDerivesFrom(this.dbSet) || method.ContainingType.IsOrDerivesFrom(this.dbContext)))
        {
            this.AddArguments(builder, invocation, skip: null);
        }
        else if (method.Name is "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault"
                     or "FirstAsync" or "FirstOrDefaultAsync" or "SingleAsync" or "SingleOrDefaultAsync" or "LastAsync" or "LastOrDefaultAsync" &&
                 this.IsLinq(method))
        {
            this.AddArguments(builder, invocation, skip: invocation.GetReceiver());
            this.AddQueryFilters(builder, invocation.GetReceiver(), flow, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0);
        }
        else if (method.Name.StartsWith("Get", System.StringComparison.Ordinal) || method.Name.StartsWith("Find", System.StringComparison.Ordinal) || method.Name.StartsWith("Load", System.StringComparison.Ordinal))
        {
            if (method.IsFrameworkSymbol() || invocation.Arguments.Length == 0)
            {
                return false;
            }

            this.AddArguments(builder, invocation, skip: null);
        }
        else
        {
            return false;
        }

        filters = builder.ToImmutable();
        return true;
    }

    /// <summary>
    /// True when <paramref name="value"/> is a collection of recordings read from storage (a <c>DbSet</c> query, a
    /// repository call, or a local holding one); <paramref name="filters"/> are every predicate and argument on the way.
    /// </summary>
    public bool IsCollectionQuery(IOperation value, RecordingModel recordings, LocalFlow flow, out ImmutableArray<IOperation> filters)
    {
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        var rooted = this.AddCollectionFilters(builder, value, recordings, flow, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0);
        filters = builder.ToImmutable();
        return rooted;
    }

    /// <summary>True when one of <paramref name="filters"/> compares something with the current user (or passes the current user).</summary>
    public static bool FiltersByCurrentUser(ImmutableArray<IOperation> filters, CurrentUserModel currentUser, LocalFlow flow)
    {
        foreach (var filter in filters)
        {
            if (filter.Kind is not (OperationKind.AnonymousFunction or OperationKind.DelegateCreation) && currentUser.MentionsCurrentUser(filter, flow))
            {
                // A key or argument computed from the current user (GetForUser(userId), Find(userId)).
                return true;
            }

            foreach (var part in filter.DescendantsAndSelf())
            {
                switch (part)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equality
                        when currentUser.MentionsCurrentUser(equality.LeftOperand, flow) || currentUser.MentionsCurrentUser(equality.RightOperand, flow):
                        return true;
                    case IInvocationOperation { TargetMethod.Name: "Equals" or "Contains" or "Any" } call when MentionsUser(call, currentUser, flow):
                        return true;
                }
            }
        }

        return false;
    }

    private static bool MentionsUser(IInvocationOperation call, CurrentUserModel currentUser, LocalFlow flow)
    {
        if (call.Instance is { } instance && currentUser.MentionsCurrentUser(instance, flow))
        {
            return true;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Value.Kind != OperationKind.DelegateCreation && currentUser.MentionsCurrentUser(argument.Value, flow))
            {
                return true;
            }
        }

        return false;
    }

    private bool AddCollectionFilters(ImmutableArray<IOperation>.Builder filters, IOperation? value, RecordingModel recordings, LocalFlow flow, HashSet<ILocalSymbol> seen, int depth)
    {
        var current = value?.WalkDownConversionsAndAwaits();
        if (current is null || depth > 24)
        {
            return false;
        }

        switch (current)
        {
            case IPropertyReferenceOperation or IFieldReferenceOperation when current.Type.IsOrDerivesFrom(this.dbSet) && recordings.GetRecordingElementType(current.Type) is not null:
                return true;

            case IInvocationOperation { TargetMethod: { Name: "Set", IsGenericMethod: true } set } when set.ContainingType.IsOrDerivesFrom(this.dbContext) && recordings.IsRecordingType(set.TypeArguments[0]):
                return true;

            case IInvocationOperation { TargetMethod.Name: "AsAsyncEnumerable" or "AsQueryable", Instance: { } set } when set.Type.IsOrDerivesFrom(this.dbSet):
                // DbSet<T>'s own AsAsyncEnumerable()/AsQueryable().
                return this.AddCollectionFilters(filters, set, recordings, flow, seen, depth + 1);

            case IInvocationOperation invocation when this.IsLinq(invocation.TargetMethod) || IsMaterialization(invocation.TargetMethod):
                this.AddArguments(filters, invocation, skip: invocation.GetReceiver());
                return this.AddCollectionFilters(filters, invocation.GetReceiver(), recordings, flow, seen, depth + 1);

            case IInvocationOperation invocation when !invocation.TargetMethod.IsFrameworkSymbol() &&
                                                       recordings.GetRecordingElementType(invocation.Type?.UnwrapTask()) is not null:
                // A repository call: what it filters on is its arguments.
                this.AddArguments(filters, invocation, skip: null);
                return true;

            case ILocalReferenceOperation local when seen.Add(local.Local):
                var rooted = false;
                foreach (var assigned in flow.ValuesOf(local.Local))
                {
                    rooted |= this.AddCollectionFilters(filters, assigned, recordings, flow, seen, depth + 1);
                }

                return rooted;

            default:
                return false;
        }
    }

    private void AddQueryFilters(ImmutableArray<IOperation>.Builder filters, IOperation? source, LocalFlow flow, HashSet<ILocalSymbol> seen, int depth)
    {
        var current = source?.WalkDownConversionsAndAwaits();
        if (current is null || depth > 24)
        {
            return;
        }

        switch (current)
        {
            case IInvocationOperation invocation when this.IsLinq(invocation.TargetMethod):
                this.AddArguments(filters, invocation, skip: invocation.GetReceiver());
                this.AddQueryFilters(filters, invocation.GetReceiver(), flow, seen, depth + 1);
                break;
            case ILocalReferenceOperation local when seen.Add(local.Local):
                foreach (var assigned in flow.ValuesOf(local.Local))
                {
                    this.AddQueryFilters(filters, assigned, flow, seen, depth + 1);
                }

                break;
        }
    }

    private bool IsLinq(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return SymbolEqualityComparer.Default.Equals(type, this.enumerable) ||
               SymbolEqualityComparer.Default.Equals(type, this.queryable) ||
               SymbolEqualityComparer.Default.Equals(type, this.efQueryable);
    }

    /// <summary><c>ToList()</c>, <c>ToArray()</c>... of any collection library (their receivers are the query).</summary>
    private static bool IsMaterialization(IMethodSymbol method) =>
        method.IsExtensionMethod && method.Name is "ToList" or "ToArray" or "ToListAsync" or "ToArrayAsync" or "AsEnumerable" or "AsAsyncEnumerable" or "AsQueryable";

    private void AddArguments(ImmutableArray<IOperation>.Builder builder, IInvocationOperation invocation, IOperation? skip)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value != skip && !SymbolEqualityComparer.Default.Equals(argument.Value.Type, this.cancellationToken))
            {
                builder.Add(argument.Value.WalkDownConversions());
            }
        }
    }
}
