using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// A set of framework members (methods, events, properties) named by type metadata name and member name, every
/// overload included, resolved once per compilation. A member matches when it is in the set, overrides a member
/// of the set, or implements a member of an interface of the set (a call on the concrete class of an interface API).
/// Types the compilation does not reference are simply absent.
/// </summary>
internal sealed class ApiMemberSet
{
    public static readonly ApiMemberSet Empty = new(ImmutableHashSet<ISymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), ImmutableArray<INamedTypeSymbol>.Empty);

    private readonly ImmutableHashSet<ISymbol> members;
    private readonly ImmutableArray<INamedTypeSymbol> interfaces;

    private ApiMemberSet(ImmutableHashSet<ISymbol> members, ImmutableArray<INamedTypeSymbol> interfaces)
    {
        this.members = members;
        this.interfaces = interfaces;
    }

    public bool IsEmpty => this.members.IsEmpty;

    public static ApiMemberSet Create(WellKnownTypes types, params ApiMembers[] apis)
    {
        var members = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var interfaces = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var api in apis)
        {
            if (types.Get(api.TypeName) is not { } type)
            {
                continue;
            }

            var added = false;
            foreach (var name in api.MemberNames)
            {
                foreach (var member in type.GetMembers(name))
                {
                    if (member is IMethodSymbol or IEventSymbol or IPropertySymbol)
                    {
                        members.Add(member.OriginalDefinition);
                        added = true;
                    }
                }
            }

            if (added && type.TypeKind == TypeKind.Interface)
            {
                interfaces.Add(type);
            }
        }

        return members.Count == 0 ? Empty : new ApiMemberSet(members.ToImmutable(), interfaces.ToImmutable());
    }

    public bool Contains(ISymbol? member)
    {
        if (member is null || this.members.IsEmpty)
        {
            return false;
        }

        var definition = member.OriginalDefinition;
        for (var current = definition; current is not null; current = Overridden(current))
        {
            if (this.members.Contains(current))
            {
                return true;
            }
        }

        return !this.interfaces.IsEmpty && this.ImplementsInterfaceMember(definition);
    }

    private bool ImplementsInterfaceMember(ISymbol definition)
    {
        if (definition.ContainingType is not { TypeKind: not TypeKind.Interface } type)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (!this.IsInterfaceOfTheSet(implemented))
            {
                continue;
            }

            foreach (var candidate in implemented.GetMembers(definition.Name))
            {
                if (this.members.Contains(candidate.OriginalDefinition) &&
                    SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate)?.OriginalDefinition, definition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsInterfaceOfTheSet(INamedTypeSymbol implemented)
    {
        foreach (var candidate in this.interfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, implemented.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.OverriddenMethod?.OriginalDefinition,
        IPropertySymbol property => property.OverriddenProperty?.OriginalDefinition,
        IEventSymbol @event => @event.OverriddenEvent?.OriginalDefinition,
        _ => null,
    };
}

/// <summary>One type's members of an <see cref="ApiMemberSet"/>: the type by metadata name, the members by name (all overloads).</summary>
internal readonly struct ApiMembers
{
    public ApiMembers(string typeName, params string[] memberNames)
    {
        this.TypeName = typeName;
        this.MemberNames = memberNames;
    }

    public string TypeName { get; }

    public string[] MemberNames { get; }
}
