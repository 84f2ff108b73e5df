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
}
