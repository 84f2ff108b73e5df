using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.Internals;

/// <summary>Small symbol questions the rules ask, so rule code reads like the rule text.</summary>
internal static class SymbolExtensions
{
    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> (any construction of it, if generic) or derives from it.</summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The method that <paramref name="method"/> is, or overrides, on <paramref name="declaringType"/>
    /// (an override in a subclass counts as the base method); null when it is neither.
    /// </summary>
    public static IMethodSymbol? FindDeclarationOn(this IMethodSymbol method, INamedTypeSymbol declaringType)
    {
        for (var current = method.OriginalDefinition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ContainingType?.OriginalDefinition, declaringType.OriginalDefinition))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>True for a property named <paramref name="name"/> declared by <paramref name="type"/>.</summary>
    public static bool IsPropertyOf(this IPropertySymbol property, INamedTypeSymbol type, string name) =>
        property.Name == name &&
        SymbolEqualityComparer.Default.Equals(property.ContainingType?.OriginalDefinition, type.OriginalDefinition);

    /// <summary>True when <paramref name="symbol"/> carries an attribute of <paramref name="attributeType"/> or of a type derived from it.</summary>
    public static bool HasAttribute(this ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass.IsOrDerivesFrom(attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is the interface <paramref name="interfaceType"/> or implements it.</summary>
    public static bool IsOrImplements(this ITypeSymbol? type, INamedTypeSymbol interfaceType)
    {
        if (type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interfaceType.OriginalDefinition))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
