using System.Threading;
using Microsoft.CodeAnalysis;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Model;

/// <summary>What a consent-gated source collects; it decides which OS permission counts as consent for it.</summary>
internal enum CollectedData
{
    /// <summary>Precise location (PRIV020): the location permissions count.</summary>
    Location,

    /// <summary>The microphone (PRIV030): the microphone permission counts.</summary>
    Voice,
}

/// <summary>One place in code where personal data starts being collected: a call, an event subscription or a property read.</summary>
internal readonly struct CollectionSource
{
    public CollectionSource(IOperation operation, string api, string collects)
    {
        this.Operation = operation;
        this.Api = api;
        this.Collects = collects;
    }

    /// <summary>The invocation, event subscription or property reference that collects.</summary>
    public IOperation Operation { get; }

    /// <summary>The API as the message names it (<c>Geolocation.GetLocationAsync</c>).</summary>
    public string Api { get; }

    /// <summary>What it collects, as the message says it.</summary>
    public string Collects { get; }

    /// <summary>The name a diagnostic shows for <paramref name="member"/>: its type (for an extension method, the extended type) and its name.</summary>
    public static string DisplayName(ISymbol member)
    {
        var type = member is IMethodSymbol { IsExtensionMethod: true, Parameters.Length: > 0 } extension
            ? extension.Parameters[0].Type
            : member.ContainingType;
        return type is null ? member.Name : type.Name + "." + member.Name;
    }
}

/// <summary>The sources of one rule: the built-in APIs the compilation references, plus those configured for a file.</summary>
internal interface ICollectionSources
{
    /// <summary>False when the compilation references none of the built-in APIs.</summary>
    bool HasBuiltInApis { get; }

    /// <summary>The source <paramref name="operation"/> is, or null. <paramref name="configured"/>: the members configured as sources for its file.</summary>
    CollectionSource? Match(IOperation operation, SymbolSet configured, CancellationToken cancellationToken);
}
