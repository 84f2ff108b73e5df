using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// Resolves types by metadata name once per compilation and shares the answers between all analyzers
/// (several rules need the same framework types; <see cref="Compilation.GetTypeByMetadataName"/> walks
/// every referenced assembly each time it is called).
/// </summary>
internal sealed class WellKnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> Cache = new();

    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> types = new(System.StringComparer.Ordinal);

    private WellKnownTypes(Compilation compilation) => this.compilation = compilation;

    public static WellKnownTypes For(Compilation compilation) =>
        Cache.GetValue(compilation, static c => new WellKnownTypes(c));

    /// <summary>The type, or null when the compilation does not reference it (or references it ambiguously).</summary>
    public INamedTypeSymbol? Get(string metadataName)
    {
        if (!this.types.TryGetValue(metadataName, out var type))
        {
            type = this.compilation.GetTypeByMetadataName(metadataName);
            this.types.TryAdd(metadataName, type);
        }

        return type;
    }
}
