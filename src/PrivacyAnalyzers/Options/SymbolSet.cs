using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.Options;

/// <summary>
/// The symbols an option names by documentation comment id (<c>T:Ns.Type</c>, <c>M:Ns.Type.Method(System.String)</c>,
/// <c>P:Ns.Type.Property</c>, <c>F:</c>, <c>E:</c>). A method id without a parameter list names every overload.
/// Ids that do not resolve in a compilation are ignored there (the type may live in another project).
/// Resolved once per compilation and option text.
/// </summary>
internal sealed class SymbolSet
{
    public static readonly SymbolSet Empty = new(ImmutableHashSet<ISymbol>.Empty.WithComparer(SymbolEqualityComparer.Default));

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, SymbolSet>> Cache = new();

    private readonly ImmutableHashSet<ISymbol> symbols;

    private SymbolSet(ImmutableHashSet<ISymbol> symbols) => this.symbols = symbols;

    public bool IsEmpty => this.symbols.IsEmpty;

    public IEnumerable<ISymbol> Symbols => this.symbols;

    public static SymbolSet Resolve(Compilation compilation, ImmutableArray<string> ids)
    {
        if (ids.IsDefaultOrEmpty)
        {
            return Empty;
        }

        var byText = Cache.GetValue(compilation, static _ => new ConcurrentDictionary<string, SymbolSet>(System.StringComparer.Ordinal));
        var key = string.Join("|", ids);
        if (!byText.TryGetValue(key, out var set))
        {
            set = Create(compilation, ids);
            byText.TryAdd(key, set);
        }

        return set;
    }

    /// <summary>True when <paramref name="symbol"/> (or, for a constructed generic, its definition) is in the set.</summary>
    public bool Contains(ISymbol? symbol) =>
        symbol is not null && !this.symbols.IsEmpty &&
        (this.symbols.Contains(symbol) || this.symbols.Contains(symbol.OriginalDefinition));

    /// <summary>True when <paramref name="type"/> or one of its base types or interfaces is in the set.</summary>
    public bool ContainsTypeOrBase(ITypeSymbol? type)
    {
        if (type is null || this.symbols.IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (this.Contains(current))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (this.Contains(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private static SymbolSet Create(Compilation compilation, ImmutableArray<string> ids)
    {
        var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var id in ids)
        {
            if (id.StartsWith("M:", System.StringComparison.Ordinal) && id.IndexOf('(') < 0)
            {
                AddAllOverloads(compilation, id, builder);
                continue;
            }

            foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
            {
                builder.Add(symbol.OriginalDefinition);
            }
        }

        return new SymbolSet(builder.ToImmutable());
    }

    private static void AddAllOverloads(Compilation compilation, string id, ImmutableHashSet<ISymbol>.Builder builder)
    {
        var lastDot = id.LastIndexOf('.');
        if (lastDot <= 2)
        {
            return;
        }

        var typeId = "T:" + id.Substring(2, lastDot - 2);
        var name = id.Substring(lastDot + 1);
        foreach (var type in DocumentationCommentId.GetSymbolsForDeclarationId(typeId, compilation))
        {
            if (type is INamedTypeSymbol namedType)
            {
                foreach (var member in namedType.GetMembers(name))
                {
                    if (member is IMethodSymbol)
                    {
                        builder.Add(member.OriginalDefinition);
                    }
                }
            }
        }
    }
}
