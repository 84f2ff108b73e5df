using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.Internals;

/// <summary>Small symbol questions the rules ask, so rule code reads like the rule text.</summary>
internal static class SymbolExtensions
{
    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> (any construction of it, if generic) or derives from it.</summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        // Asked of most calls' types by several rules: the base type's definition is read once, not once per step.
        var baseDefinition = baseType.OriginalDefinition;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseDefinition))
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

    /// <summary>True when <paramref name="type"/> is, derives from or implements <paramref name="baseOrInterface"/>.</summary>
    public static bool IsOrInheritsFrom(this ITypeSymbol? type, INamedTypeSymbol? baseOrInterface)
    {
        if (type is null || baseOrInterface is null)
        {
            return false;
        }

        if (baseOrInterface.TypeKind != TypeKind.Interface)
        {
            return type.IsOrDerivesFrom(baseOrInterface);
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, baseOrInterface.OriginalDefinition))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseOrInterface.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first attribute on <paramref name="symbol"/> whose class is, or inherits from, <paramref name="attributeType"/>.</summary>
    public static AttributeData? FindAttribute(this ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        // Nothing derives from a sealed attribute class ([LoggerMessage], [NonAction]...): one comparison per attribute
        // instead of a walk up each attribute's base types, for questions asked of almost every method called.
        var exactly = attributeType.IsSealed;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (exactly
                ? SymbolEqualityComparer.Default.Equals(attribute.AttributeClass?.OriginalDefinition, attributeType.OriginalDefinition)
                : attribute.AttributeClass.IsOrInheritsFrom(attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="symbol"/> carries an attribute of (or derived from, or implementing) <paramref name="attributeType"/>.</summary>
    public static bool HasAttribute(this ISymbol symbol, INamedTypeSymbol? attributeType) => symbol.FindAttribute(attributeType) is not null;

    /// <summary><c>T</c> for <c>Nullable&lt;T&gt;</c> (<c>T?</c> of a value type); the type itself otherwise.</summary>
    public static ITypeSymbol UnwrapNullable(this ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary><c>T</c> for <c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c>; the type itself otherwise.</summary>
    public static ITypeSymbol UnwrapTask(this ITypeSymbol type)
    {
        // Arity and names first: TypeArguments allocates a new array of symbols on every call, and this runs for the
        // return type of almost every call the recording rules see.
        if (type is INamedTypeSymbol { Arity: 1 } named &&
            named.Name is "Task" or "ValueTask" &&
            named.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
        {
            return named.TypeArguments[0];
        }

        return type;
    }

    /// <summary>True for types of the .NET and ASP.NET Core libraries (namespaces <c>System</c> and <c>Microsoft</c>).</summary>
    public static bool IsFrameworkSymbol(this ISymbol symbol)
    {
        var ns = symbol as INamespaceSymbol ?? symbol.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }
}

