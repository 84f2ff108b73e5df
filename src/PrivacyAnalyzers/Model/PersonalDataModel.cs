using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Model;

/// <summary>The kinds of personal data the rules tell apart (the message names the kind).</summary>
internal enum PersonalDataKind
{
    None,

    /// <summary>A voice or video recording, or what is derived from one (a transcript).</summary>
    Recording,

    PreciseLocation,

    /// <summary>Face embeddings, face images, voice prints, fingerprints.</summary>
    Biometric,

    ChildProfile,

    /// <summary>Labelled in code: Identity's [PersonalData] / [ProtectedPersonalData], or a DataClassificationAttribute.</summary>
    Labelled,

    /// <summary>Named in <c>personal_data_types</c>.</summary>
    Configured,
}

/// <summary>
/// Which types hold personal data, decided once per type and compilation, in this order:
/// <list type="number">
/// <item><c>excluded_types</c> (or a base type there): never personal data;</item>
/// <item><c>personal_data_types</c> (or a base type there): personal data;</item>
/// <item>labels: a member (own or inherited) with ASP.NET Core Identity's <c>[PersonalData]</c> /
/// <c>[ProtectedPersonalData]</c>, or the type or a member with a <c>DataClassificationAttribute</c> subclass
/// (Microsoft.Extensions.Compliance) — so every <c>IdentityUser</c> subclass is personal data;</item>
/// <item>the documented name vocabulary (option <c>personal_data_vocabulary</c>, on by default): recordings
/// (<c>Recording</c>, <c>Clip</c>, <c>Transcript</c>...), biometrics (<c>Face</c>, <c>Voiceprint</c>,
/// <c>Fingerprint</c>... in the type name or a member name), precise location (<c>Geofence</c>, <c>Gps</c>,
/// <c>LocationHistory</c>, or <c>Latitude</c> + <c>Longitude</c> next to a person's id) and child profiles
/// (<c>ChildProfile</c>, <c>KidAccount</c>...). Look-alikes are not personal data: names ending in a word of
/// configuration or code (<c>LocationSettings</c>, <c>FaceDetectionOptions</c>, <c>ClipService</c>), catalogue
/// and audit types (<c>ProductImage</c>, <c>AuditRecord</c>), hashes (<c>CertificateFingerprint</c>).</item>
/// </list>
/// </summary>
internal sealed class PersonalDataModel
{
    private static readonly ImmutableHashSet<string> LookAlikeLastWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Settings", "Setting", "Options", "Option", "Config", "Configuration", "Policy", "Policies", "Type", "Types", "Kind",
        "Category", "Status", "Stats", "Statistics", "Metric", "Metrics", "Count", "Summary", "Service", "Controller",
        "Repository", "Handler", "Factory", "Builder", "Provider", "Manager", "Client", "Attribute", "Exception",
        "Extensions", "Validator", "Detector", "Module", "Endpoint", "Endpoints", "Request", "Response", "Result", "Dto", "Model");

    private static readonly ImmutableHashSet<string> LookAlikeWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Product", "Catalog", "Catalogue", "Store", "Shop", "Audit", "Demo", "Stock", "Certificate", "Cert", "Key", "Hash",
        "Checksum", "Build", "Schema", "Assembly", "Content");

    private static readonly ImmutableHashSet<string> RecordingWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Recording", "Recordings", "Clip", "Clips", "Transcript", "Transcripts", "Transcription", "Voicemail", "Footage");

    private static readonly ImmutableHashSet<string> BiometricWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Face", "Faces", "Facial", "Faceprint", "Voiceprint", "Fingerprint", "Fingerprints", "Biometric", "Biometrics", "Iris", "Retina", "Palmprint");

    private static readonly ImmutableHashSet<string> LocationWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Geofence", "Geolocation", "Gps", "Whereabouts");

    private static readonly ImmutableHashSet<string> LocationTrackWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Event", "Events", "Ping", "Sample", "Point", "Fix", "Update", "History", "Trace", "Track", "Log", "Visit");

    private static readonly ImmutableHashSet<string> ChildWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Child", "Children", "Kid", "Kids", "Minor", "Toddler", "Teen");

    private static readonly ImmutableHashSet<string> ProfileWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Profile", "Account", "User", "Member", "Person", "Info", "Details");

    private static readonly string[] PersonIdSuffixes = { "UserId", "AccountId", "CustomerId", "PersonId", "MemberId", "OwnerId", "ChildId", "ProfileId", "HouseholdId" };

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, PersonalDataKind>> IntrinsicKindsByCompilation = new();

    private readonly Compilation compilation;
    private readonly AnalyzerOptions options;
    private readonly string ruleId;
    private readonly INamedTypeSymbol? personalDataAttribute;
    private readonly INamedTypeSymbol? dataClassificationAttribute;
    private readonly ConcurrentDictionary<ITypeSymbol, PersonalDataKind> kinds = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// What labels and the vocabulary say of a type, which no option changes: shared by every rule's model of one
    /// compilation (the three deletion rules and PRIV021 ask about the same entities).
    /// </summary>
    private readonly ConcurrentDictionary<INamedTypeSymbol, PersonalDataKind> intrinsicKinds;

    private PersonalDataModel(Compilation compilation, AnalyzerOptions options, string ruleId)
    {
        this.compilation = compilation;
        this.options = options;
        this.ruleId = ruleId;
        var types = WellKnownTypes.For(compilation);
        this.personalDataAttribute = types.Get(WellKnownTypeNames.IdentityPersonalDataAttribute);
        this.dataClassificationAttribute = types.Get(WellKnownTypeNames.DataClassificationAttribute);
        this.intrinsicKinds = IntrinsicKindsByCompilation.GetValue(
            compilation,
            static _ => new ConcurrentDictionary<INamedTypeSymbol, PersonalDataKind>(SymbolEqualityComparer.Default));
    }

    public static PersonalDataModel Create(Compilation compilation, AnalyzerOptions options, string ruleId) =>
        new(compilation, options, ruleId);

    /// <summary>How a kind reads in a message.</summary>
    public static string Describe(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Recording => "recording",
        PersonalDataKind.PreciseLocation => "precise location",
        PersonalDataKind.Biometric => "biometric",
        PersonalDataKind.ChildProfile => "child profile",
        PersonalDataKind.Labelled => "labelled personal data",
        PersonalDataKind.Configured => "configured personal data type",
        _ => "none",
    };

    public bool IsPersonalData(ITypeSymbol? type) => this.Classify(type) != PersonalDataKind.None;

    public PersonalDataKind Classify(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.SpecialType != SpecialType.None)
        {
            return PersonalDataKind.None;
        }

        named = named.OriginalDefinition;
        if (!this.kinds.TryGetValue(named, out var kind))
        {
            kind = this.ClassifyUncached(named);
            this.kinds.TryAdd(named, kind);
        }

        return kind;
    }

    private PersonalDataKind ClassifyUncached(INamedTypeSymbol type)
    {
        var tree = TreeOf(type) ?? this.compilation.SyntaxTrees.FirstOrDefault();
        if (tree is not null)
        {
            if (PrivacyOptions.ExcludedTypes.ReadSymbols(this.options, this.ruleId, tree, this.compilation).ContainsTypeOrBase(type))
            {
                return PersonalDataKind.None;
            }

            if (PrivacyOptions.PersonalDataTypes.ReadSymbols(this.options, this.ruleId, tree, this.compilation).ContainsTypeOrBase(type))
            {
                return PersonalDataKind.Configured;
            }
        }

        var intrinsic = this.IntrinsicKind(type);
        if (intrinsic == PersonalDataKind.Labelled)
        {
            return PersonalDataKind.Labelled;
        }

        if (tree is not null && !PrivacyOptions.PersonalDataVocabulary.Read(this.options, this.ruleId, tree))
        {
            return PersonalDataKind.None;
        }

        return intrinsic;
    }

    /// <summary>Labelled, else what the vocabulary says (steps 3 and 4 without their option).</summary>
    private PersonalDataKind IntrinsicKind(INamedTypeSymbol type)
    {
        if (!this.intrinsicKinds.TryGetValue(type, out var kind))
        {
            kind = this.IsLabelled(type) ? PersonalDataKind.Labelled : ClassifyByVocabulary(type);
            this.intrinsicKinds.TryAdd(type, kind);
        }

        return kind;
    }

    private static SyntaxTree? TreeOf(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location.SourceTree;
            }
        }

        return null;
    }

    private bool IsLabelled(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (this.HasLabel(current))
            {
                return true;
            }

            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic && this.HasLabel(member))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool HasLabel(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if ((this.personalDataAttribute is { } personal && attributeClass.IsOrDerivesFrom(personal)) ||
                (this.dataClassificationAttribute is { } classification && attributeClass.IsOrDerivesFrom(classification)))
            {
                return true;
            }
        }

        return false;
    }

    private static PersonalDataKind ClassifyByVocabulary(INamedTypeSymbol type)
    {
        var words = IdentifierWords.Split(type.Name);
        if (words.IsEmpty || LookAlikeLastWords.Contains(words[words.Length - 1]) || words.AnyIn(LookAlikeWords))
        {
            return PersonalDataKind.None;
        }

        if (IsRecordingByVocabulary(type.Name, words))
        {
            return PersonalDataKind.Recording;
        }

        if (words.AnyIn(BiometricWords) || ContainsVoicePrint(words) || HasBiometricMember(type))
        {
            return PersonalDataKind.Biometric;
        }

        if (IsPreciseLocation(words) || HasCoordinatesOfAPerson(type))
        {
            return PersonalDataKind.PreciseLocation;
        }

        if (words.AnyIn(ChildWords) && (words.Length == 1 || words.AnyIn(ProfileWords)))
        {
            return PersonalDataKind.ChildProfile;
        }

        return PersonalDataKind.None;
    }

    /// <summary>
    /// The recording kind by name alone: what the recording model calls a recording (so both families agree on
    /// <c>DoorbellRecording</c>, <c>VideoClip</c> or <c>AuditRecord</c>), plus the personal data derived from one
    /// (transcripts, voicemail) that the deletion rules also follow.
    /// </summary>
    private static bool IsRecordingByVocabulary(string typeName, ImmutableArray<string> typeNameWords) =>
        RecordingModel.IsRecordingTypeName(typeName) || typeNameWords.AnyIn(RecordingWords);

    private static bool ContainsVoicePrint(ImmutableArray<string> words)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (string.Equals(words[i], "Voice", StringComparison.OrdinalIgnoreCase) &&
                string.Equals(words[i + 1], "Print", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPreciseLocation(ImmutableArray<string> words)
    {
        if (words.AnyIn(LocationWords))
        {
            return true;
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (string.Equals(words[i], "Location", StringComparison.OrdinalIgnoreCase) && LocationTrackWords.Contains(words[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBiometricMember(INamedTypeSymbol type)
    {
        foreach (var member in InstanceDataMembers(type))
        {
            var words = IdentifierWords.Split(member.Name);
            if ((words.AnyIn(BiometricWords) || ContainsVoicePrint(words)) && !words.AnyIn(LookAlikeWords) &&
                !LookAlikeLastWords.Contains(words[words.Length - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCoordinatesOfAPerson(INamedTypeSymbol type)
    {
        bool latitude = false, longitude = false, person = false;
        foreach (var member in InstanceDataMembers(type))
        {
            var name = member.Name;
            latitude |= IsLatitudeName(name);
            longitude |= IsLongitudeName(name);
            person |= EndsWithPersonId(name);
        }

        return latitude && longitude && person;
    }

    // A loop, not Any(lambda): asked of every member of every type classified, and the lambda captured each member.
    private static bool EndsWithPersonId(string name)
    {
        foreach (var suffix in PersonIdSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A latitude or longitude by name, as the vocabulary reads it: <c>Latitude</c>, <c>Longitude</c> (also at the
    /// end of a name: <c>HomeLatitude</c>), <c>Lat</c>, <c>Lng</c>, <c>Lon</c>. PRIV021 asks this of the members of
    /// personal-data types.
    /// </summary>
    public static bool IsCoordinateName(string name) => IsLatitudeName(name) || IsLongitudeName(name);

    private static bool IsLatitudeName(string name) => name.EndsWith("Latitude", StringComparison.OrdinalIgnoreCase) || name == "Lat";

    private static bool IsLongitudeName(string name) => name.EndsWith("Longitude", StringComparison.OrdinalIgnoreCase) || name is "Lng" or "Lon";

    /// <summary>Instance properties and fields of <paramref name="type"/> and its source base types.</summary>
    public static IEnumerable<ISymbol> InstanceDataMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (!member.IsStatic && !member.IsImplicitlyDeclared &&
                    member is IPropertySymbol { IsIndexer: false } or IFieldSymbol { AssociatedSymbol: null })
                {
                    yield return member;
                }
            }
        }
    }
}
