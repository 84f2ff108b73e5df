using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PrivacyAnalyzers.Internals;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// Where entities are stored: EF Core <c>DbSet&lt;T&gt;</c> properties of <c>DbContext</c> subclasses,
/// <c>DbContext.Set&lt;T&gt;()</c>, <c>Add</c>/<c>AddRange</c>/<c>AddAsync</c>/<c>AddRangeAsync</c> on a
/// <c>DbSet</c> or <c>DbContext</c>, Identity's <c>UserManager&lt;TUser&gt;.CreateAsync</c>, and
/// repository-style methods of the project's own types named Add/Insert/Save... that take the entity.
/// </summary>
internal sealed class PersistenceModel
{
    private static readonly string[] EfAddMethods = { "Add", "AddRange", "AddAsync", "AddRangeAsync" };
    private static readonly string[] RepositoryAddWords = { "Add", "Insert", "Save" };

    private PersistenceModel(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        this.DbContext = types.Get(WellKnownTypeNames.EfDbContext);
        this.DbSet = types.Get(WellKnownTypeNames.EfDbSet1);
        this.UserManager = types.Get(WellKnownTypeNames.IdentityUserManager1);
        this.Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
    }

    public INamedTypeSymbol? DbContext { get; }

    public INamedTypeSymbol? DbSet { get; }

    public INamedTypeSymbol? UserManager { get; }

    private INamedTypeSymbol Enumerable { get; }

    /// <summary>False when neither EF Core nor Identity is referenced: nothing is persisted the rules know of.</summary>
    public bool IsAvailable => this.DbContext is not null || this.UserManager is not null;

    public static PersistenceModel For(Compilation compilation) => new(compilation);

    /// <summary>The entity of <paramref name="property"/> when it is a <c>DbSet&lt;T&gt;</c> property of a DbContext class.</summary>
    public INamedTypeSymbol? DbSetPropertyEntity(IPropertySymbol property)
    {
        // The property's type first: asked of every property of the compilation, and most are no DbSet.
        if (this.DbContext is null || this.DbSet is null || property.IsStatic ||
            property.Type is not INamedTypeSymbol { Arity: 1 } propertyType ||
            !SymbolEqualityComparer.Default.Equals(propertyType.OriginalDefinition, this.DbSet) ||
            propertyType.TypeArguments[0] is not INamedTypeSymbol entity ||
            property.ContainingType is not { TypeKind: TypeKind.Class } type || !type.IsOrDerivesFrom(this.DbContext))
        {
            return null;
        }

        return entity;
    }

    /// <summary>The entity types a call stores (empty when it stores none).</summary>
    public ImmutableArray<INamedTypeSymbol> PersistedEntities(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        // Names first (cheap), base-type walks after.
        var name = method.Name;
        if (!MayPersist(name))
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        var isAdd = IsOneOf(name, EfAddMethods);
        if (isAdd && this.DbSet is not null && type.IsOrDerivesFrom(this.DbSet))
        {
            return Single(DbSetEntity(type, this.DbSet));
        }

        if ((isAdd || name == "Set") && this.DbContext is not null && type.IsOrDerivesFrom(this.DbContext))
        {
            if (name == "Set")
            {
                return method.Arity == 1 ? Single(method.TypeArguments[0] as INamedTypeSymbol) : ImmutableArray<INamedTypeSymbol>.Empty;
            }

            return this.ArgumentEntities(invocation);
        }

        if (name == "CreateAsync" && this.UserManager is not null && FindConstruction(type, this.UserManager) is { } manager)
        {
            return Single(manager.TypeArguments[0] as INamedTypeSymbol);
        }

        // A DbContext's or DbSet's other methods are no repository methods (IsRepositoryMethod says so).
        return this.IsRepositoryMethod(method, RepositoryAddWords) ? this.ArgumentEntities(invocation) : ImmutableArray<INamedTypeSymbol>.Empty;
    }

    /// <summary>
    /// False when no call of a method with this name stores anything (<see cref="PersistedEntities"/> asks it first):
    /// <c>Set</c>, Identity's <c>CreateAsync</c>, and names starting with Add/Insert/Save (repository methods, and EF
    /// Core's Add/AddRange/AddAsync/AddRangeAsync, which all start with Add).
    /// </summary>
    public static bool MayPersist(string name) => name is "Set" or "CreateAsync" || StartsWithAny(name, RepositoryAddWords);

    /// <summary>Ordinal membership without LINQ.</summary>
    internal static bool IsOneOf(string name, string[] names)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(name, candidate, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A method of the project's own types (not a DbContext or DbSet) whose name starts with one of
    /// <paramref name="firstWords"/>: <c>Save</c>, <c>SaveAsync</c>, <c>InsertRecording</c>...
    /// </summary>
    public bool IsRepositoryMethod(IMethodSymbol method, string[] firstWords)
    {
        var type = method.ContainingType;
        // The name first: asked of every call of the compilation, and Parameters makes a new array on every read.
        if (type is null || !StartsWithAny(method.Name, firstWords) || method.Parameters.IsEmpty || !IsInSource(type))
        {
            return false;
        }

        if ((this.DbContext is not null && type.IsOrDerivesFrom(this.DbContext)) || (this.DbSet is not null && type.IsOrDerivesFrom(this.DbSet)))
        {
            return false;
        }

        var words = IdentifierWords.Split(method.Name);
        return !words.IsEmpty && IsOneOf(words[0], firstWords);
    }

    /// <summary>A cheap necessary condition for the first word of <paramref name="name"/> to be one of <paramref name="words"/>.</summary>
    internal static bool StartsWithAny(string name, string[] words)
    {
        foreach (var word in words)
        {
            if (name.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInSource(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entity types the arguments carry: an entity, or a collection of entities (<c>params</c> arrays included).</summary>
    public ImmutableArray<INamedTypeSymbol> ArgumentEntities(IInvocationOperation invocation)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    this.AddEntity(element.WalkDownConversions().Type, builder);
                }

                continue;
            }

            this.AddEntity(argument.Value.WalkDownConversions().Type, builder);
        }

        return builder.ToImmutable();
    }

    private void AddEntity(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol>.Builder builder)
    {
        if (this.EntityOf(type) is { } entity && !builder.Contains(entity, SymbolEqualityComparer.Default))
        {
            builder.Add(entity);
        }
    }

    /// <summary>The entity a value holds: the type itself, or the element type of an array or sequence.</summary>
    public INamedTypeSymbol? EntityOf(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsEntityCandidate(array.ElementType) ? (INamedTypeSymbol)array.ElementType : null;
            case INamedTypeSymbol named when IsEntityCandidate(named):
                var sequence = FindConstruction(named, this.Enumerable) ??
                    named.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, this.Enumerable));
                return sequence is null ? named : sequence.TypeArguments[0] as INamedTypeSymbol is { } element && IsEntityCandidate(element) ? element : null;
            default:
                return null;
        }
    }

    private static bool IsEntityCandidate(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } named &&
        named.SpecialType == SpecialType.None;

    /// <summary>The entity of a <c>DbSet&lt;T&gt;</c> (or a subclass of one).</summary>
    public static INamedTypeSymbol? DbSetEntity(INamedTypeSymbol type, INamedTypeSymbol dbSet) =>
        FindConstruction(type, dbSet)?.TypeArguments[0] as INamedTypeSymbol;

    /// <summary><paramref name="type"/> or the base type of it that constructs <paramref name="generic"/>.</summary>
    public static INamedTypeSymbol? FindConstruction(INamedTypeSymbol type, INamedTypeSymbol generic)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, generic.OriginalDefinition))
            {
                return current;
            }
        }

        return null;
    }

    private static ImmutableArray<INamedTypeSymbol> Single(INamedTypeSymbol? type) =>
        type is null || type.TypeKind == TypeKind.TypeParameter ? ImmutableArray<INamedTypeSymbol>.Empty : ImmutableArray.Create(type);
}
