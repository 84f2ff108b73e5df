using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PrivacyAnalyzers.Internals;
using PrivacyAnalyzers.Options;

namespace PrivacyAnalyzers.Model;

/// <summary>
/// What a recording is: a customer's video, audio, voice, camera footage, clip or snapshot. Shared by the
/// recording access (PRIV00x) and deletion-path (PRIV01x) families. A type or member is a recording, in order:
/// <list type="number">
/// <item>never, when <c>excluded_types</c> names it (or its type, or a base type);</item>
/// <item>when <c>recording_types</c> names it (or its type, or a base type or interface);</item>
/// <item>when it carries a <c>DataClassificationAttribute</c> subclass whose name contains one of
/// <c>recording_classifications</c> (a type also when one of its members does);</item>
/// <item>by the conservative name vocabulary of <see cref="IsRecordingTypeName"/> and <see cref="IsRecordingMemberName"/>.</item>
/// </list>
/// Content is also recognized by its media type (<c>video/*</c>, <c>audio/*</c>) or file extension.
/// One instance per compilation and option values; thread-safe.
/// </summary>
internal sealed class RecordingModel
{
    /// <summary>Media file extensions (lower case, with the dot).</summary>
    public static readonly ImmutableArray<string> MediaExtensions = ImmutableArray.Create(
        ".mp4", ".webm", ".mkv", ".mov", ".avi", ".m4v", ".wav", ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac");

    private static readonly char[] QueryStart = { '?', '#' };

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<(ImmutableArray<string>, ImmutableArray<string>, ImmutableArray<string>), RecordingModel>> Cache = new();

    /// <summary>A type whose name ends with one of these words is a recording (<c>CameraRecording</c>, <c>VideoClip</c>, <c>Footage</c>).</summary>
    private static readonly HashSet<string> HeadWords = new(StringComparer.OrdinalIgnoreCase) { "Recording", "Video", "Clip", "Footage", "Audio" };

    /// <summary>Words that make a recording only after a media word: <c>VoiceNote</c>, <c>CameraSnapshot</c>, <c>AudioFile</c>.</summary>
    private static readonly HashSet<string> QualifiedHeadWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Snapshot", "Note", "Memo", "Message", "Sample", "File", "Stream", "Frame", "Image",
    };

    /// <summary>Media words that qualify the words above.</summary>
    private static readonly HashSet<string> MediaWords = new(StringComparer.OrdinalIgnoreCase) { "Recording", "Video", "Audio", "Voice", "Camera", "Clip", "Footage" };

    /// <summary>Suffixes that do not change what a type is (<c>RecordingEntity</c>, <c>VideoDto</c>).</summary>
    private static readonly HashSet<string> NeutralSuffixes = new(StringComparer.OrdinalIgnoreCase) { "Entity", "Dto", "Model" };

    /// <summary>Words of a member name that say "the media itself, or where it is": <c>VideoPath</c>, <c>Recording.BlobName</c>.</summary>
    private static readonly HashSet<string> ContentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Path", "Url", "Uri", "Blob", "Bytes", "Data", "Content", "Contents", "Stream", "File", "Link", "Download", "Sas", "Storage", "Media",
    };

    /// <summary>Words that may follow a content word without changing the meaning (<c>FileName</c>, <c>BlobKey</c>).</summary>
    private static readonly HashSet<string> ContentTailWords = new(StringComparer.OrdinalIgnoreCase) { "Name", "Key", "Location", "Id" };

    private readonly INamedTypeSymbol? classificationAttribute;
    private readonly INamedTypeSymbol? asyncEnumerable;
    private readonly SymbolSet recordingTypes;
    private readonly SymbolSet excludedTypes;
    private readonly ImmutableArray<string> classificationWords;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> typeCache = new(SymbolEqualityComparer.Default);

    // IsRecordingMember is asked for almost every member reference of a method. Its answer is not cached per member:
    // a cache of every member of a large compilation grew into large-object-heap arrays whose allocation triggered full
    // garbage collections (the bench saw 150-200 ms pauses). Types and member names are far fewer, so those are cached.
    private readonly ConcurrentDictionary<string, MemberName> memberNameCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ITypeSymbol, ITypeSymbol?> elementCache = new(SymbolEqualityComparer.Default); // only what ElementBySubstitution found
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<ITypeSymbol>> sequenceElements = new(SymbolEqualityComparer.Default);

    private RecordingModel(INamedTypeSymbol? classificationAttribute, INamedTypeSymbol? asyncEnumerable, SymbolSet recordingTypes, SymbolSet excludedTypes, ImmutableArray<string> classificationWords)
    {
        this.classificationAttribute = classificationAttribute;
        this.asyncEnumerable = asyncEnumerable;
        this.recordingTypes = recordingTypes;
        this.excludedTypes = excludedTypes;
        this.classificationWords = classificationWords;
    }

    /// <summary>The model with the options in force for <paramref name="tree"/> (keys of <paramref name="ruleId"/>, then the category's).</summary>
    public static RecordingModel For(Compilation compilation, AnalyzerOptions options, string ruleId, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var recording = PrivacyOptions.RecordingTypes.Read(config, ruleId);
        var excluded = PrivacyOptions.ExcludedTypes.Read(config, ruleId);
        var words = PrivacyOptions.RecordingClassifications.Read(config, ruleId);
        var key = (recording, excluded, words);

        var byOptions = Cache.GetValue(
            compilation,
            static _ => new ConcurrentDictionary<(ImmutableArray<string>, ImmutableArray<string>, ImmutableArray<string>), RecordingModel>(OptionValuesComparer.Instance));
        if (!byOptions.TryGetValue(key, out var model))
        {
            model = new RecordingModel(
                WellKnownTypes.For(compilation).Get(WellKnownTypeNames.DataClassificationAttribute),
                WellKnownTypes.For(compilation).Get(WellKnownTypeNames.SystemCollectionsGenericIAsyncEnumerable1),
                SymbolSet.Resolve(compilation, recording),
                SymbolSet.Resolve(compilation, excluded),
                words);
            byOptions.TryAdd(key, model);
        }

        return model;
    }

    /// <summary>True when values of <paramref name="type"/> are recordings (a nullable recording included).</summary>
    public bool IsRecordingType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        type = type.UnwrapNullable();

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        // Whether a type is a recording depends only on its definition (names, attributes, configured symbols and base
        // types are the definition's), so a constructed type is asked as its definition: the cache then compares
        // definitions by reference instead of type arguments along the chain every List<T> or Task<T> shares.
        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            type = generic.OriginalDefinition;
        }

        if (!this.typeCache.TryGetValue(type, out var result))
        {
            result = this.ComputeIsRecordingType(type);
            this.typeCache.TryAdd(type, result);
        }

        return result;
    }

    /// <summary>
    /// The recording type of a collection of recordings (<c>List&lt;Recording&gt;</c>, <c>IQueryable&lt;Clip&gt;</c>,
    /// <c>DbSet&lt;Video&gt;</c>, <c>IAsyncEnumerable&lt;Recording&gt;</c>, <c>Recording[]</c>), or null.
    /// </summary>
    public ITypeSymbol? GetRecordingElementType(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType is > SpecialType.None and <= SpecialType.System_String)
        {
            // object, primitives and string: not collections of recordings (string is IEnumerable<char>).
            return null;
        }

        // Not cached per type: what it takes is cached per definition (SequenceElementsOf, IsRecordingType), and a cache
        // keyed by constructed types compared the type arguments of every List<T> or IQueryable<T> along one hash chain.
        switch (type)
        {
            case IArrayTypeSymbol array:
                return this.IsRecordingType(array.ElementType) ? array.ElementType : null;
            case INamedTypeSymbol named when named.SpecialType != SpecialType.System_String:
                if (this.IsSequence(named))
                {
                    // TypeArguments makes a new array on every read.
                    var sequenceElement = named.TypeArguments[0];
                    return this.IsRecordingType(sequenceElement) ? sequenceElement : null;
                }

                // The sequences a generic type implements are read from its definition, once: asking a constructed type
                // (List<Invoice>, Task<Dictionary<...>>) for its interfaces makes the compiler build and keep a new list
                // for each construction, most of them for types no one else asks about.
                var definition = named.OriginalDefinition;
                foreach (var element in this.SequenceElementsOf(definition))
                {
                    ITypeSymbol actual;
                    // IsDefinition, not Equals(definition, named): for a constructed type that compares type arguments.
                    if (ReferenceEquals(definition, named) || named.IsDefinition)
                    {
                        actual = element;
                    }
                    else if (element is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Type } parameter &&
                             SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, definition))
                    {
                        actual = named.TypeArguments[parameter.Ordinal];
                    }
                    else if (element is ITypeParameterSymbol ||
                             element.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ||
                             this.IsRecordingType(element))
                    {
                        // A containing type's parameter, a T? (a recording struct once substituted), or a recording
                        // built from type parameters (whether a type is a recording depends only on its definition):
                        // only the constructed type's own interfaces tell the element.
                        if (!this.elementCache.TryGetValue(named, out var substituted))
                        {
                            substituted = this.ElementBySubstitution(named);
                            this.elementCache.TryAdd(named, substituted);
                        }

                        return substituted;
                    }
                    else
                    {
                        continue;
                    }

                    if (this.IsRecordingType(actual))
                    {
                        return actual;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// True when <paramref name="type"/> implements a sequence (<see cref="IsSequence"/>) of any element, as its definition
    /// does: a constructed type's interfaces are its definition's, substituted (and <c>AllInterfaces</c> makes a new
    /// array on every read).
    /// </summary>
    public bool ImplementsSequence(INamedTypeSymbol type) => !this.SequenceElementsOf(type.OriginalDefinition).IsEmpty;

    /// <summary>The element types of the sequences <paramref name="definition"/> implements, in terms of its own type parameters.</summary>
    private ImmutableArray<ITypeSymbol> SequenceElementsOf(INamedTypeSymbol definition)
    {
        if (!this.sequenceElements.TryGetValue(definition, out var elements))
        {
            var builder = ImmutableArray.CreateBuilder<ITypeSymbol>();
            foreach (var implemented in definition.AllInterfaces)
            {
                if (this.IsSequence(implemented))
                {
                    builder.Add(implemented.TypeArguments[0]);
                }
            }

            elements = builder.ToImmutable();
            this.sequenceElements.TryAdd(definition, elements);
        }

        return elements;
    }

    /// <summary>The recording element of <paramref name="named"/> from its own (substituted) interfaces: the rare case the definition cannot answer.</summary>
    private ITypeSymbol? ElementBySubstitution(INamedTypeSymbol named)
    {
        foreach (var implemented in named.AllInterfaces)
        {
            if (this.IsSequence(implemented) && this.IsRecordingType(implemented.TypeArguments[0]))
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>
    /// The element type of any sequence (an array, an <c>IEnumerable&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>, or a
    /// type implementing one), recording or not; null for other types. Reads the constructed type's own interfaces:
    /// asked when a finding is reported, not per operation.
    /// </summary>
    public ITypeSymbol? GetElementType(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return array.ElementType;
            case INamedTypeSymbol named when this.IsSequence(named):
                return named.TypeArguments[0];
            case INamedTypeSymbol named:
                foreach (var implemented in named.AllInterfaces)
                {
                    if (this.IsSequence(implemented))
                    {
                        return implemented.TypeArguments[0];
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>True for <c>IEnumerable&lt;T&gt;</c> and <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
    public bool IsSequence(INamedTypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
        (this.asyncEnumerable is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, this.asyncEnumerable));

    /// <summary>
    /// True when <paramref name="member"/> (a property, field or method) holds or gives a recording or its content:
    /// configured in <c>recording_types</c>, classified as recording data, typed as a recording, named for recording
    /// content (<c>VideoPath</c>, <c>AudioBytes</c>), or a content member of a recording (<c>Recording.BlobName</c>).
    /// </summary>
    public bool IsRecordingMember(ISymbol? member)
    {
        if (member is not (IPropertySymbol or IFieldSymbol or IMethodSymbol) || member.ContainingType is null)
        {
            return false;
        }

        if (!this.excludedTypes.IsEmpty && (this.excludedTypes.Contains(member) || this.excludedTypes.ContainsTypeOrBase(member.ContainingType)))
        {
            return false;
        }

        if ((!this.recordingTypes.IsEmpty && this.recordingTypes.Contains(member)) || this.HasRecordingClassification(member))
        {
            return true;
        }

        var memberType = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IMethodSymbol method => method.ReturnType.UnwrapTask(),
            _ => null,
        };
        if (this.IsRecordingType(memberType) || this.GetRecordingElementType(memberType) is not null)
        {
            return true;
        }

        if (member.IsFrameworkSymbol())
        {
            return false;
        }

        var name = this.ClassifyMemberName(member.Name);
        return name == MemberName.Recording || (name == MemberName.Content && this.IsRecordingType(member.ContainingType));
    }

    /// <summary>What the member-name vocabulary says about <paramref name="name"/>, decided once per name.</summary>
    private MemberName ClassifyMemberName(string name)
    {
        if (!this.memberNameCache.TryGetValue(name, out var kind))
        {
            var words = SplitWords(name);
            kind = IsRecordingMemberName(words) ? MemberName.Recording : IsContentName(words) ? MemberName.Content : MemberName.Other;
            this.memberNameCache.TryAdd(name, kind);
        }

        return kind;
    }

    /// <summary>True for <c>video/*</c> and <c>audio/*</c> media types.</summary>
    public static bool IsMediaContentType(string? contentType) =>
        contentType is not null &&
        (contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a file name, path or URL that ends with a media extension (a query string is ignored).</summary>
    public static bool HasMediaExtension(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var end = path!.IndexOfAny(QueryStart);
        var file = end >= 0 ? path.Substring(0, end) : path;
        foreach (var extension in MediaExtensions)
        {
            if (file.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The type name vocabulary: the last word (after dropping Entity/Dto/Model) is Recording, Video, Clip, Footage or
    /// Audio (singular or plural), or a media word (Voice, Camera, Audio, Video...) followed by Snapshot, Note, Memo,
    /// Message, Sample, File, Stream, Frame or Image. So <c>DoorbellRecording</c>, <c>VideoClip</c>, <c>VoiceNote</c>
    /// and <c>CameraSnapshot</c> are recordings; <c>AuditRecord</c>, <c>RecordType</c>, <c>MedicalRecord</c>,
    /// <c>VideoSettings</c> and <c>RecordingService</c> are not.
    /// </summary>
    public static bool IsRecordingTypeName(string name)
    {
        var words = SplitWords(name);
        while (words.Count > 1 && NeutralSuffixes.Contains(words[words.Count - 1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 0)
        {
            return false;
        }

        var last = Singular(words[words.Count - 1]);
        if (HeadWords.Contains(last))
        {
            return true;
        }

        return words.Count > 1 && QualifiedHeadWords.Contains(last) && MediaWords.Contains(words[words.Count - 2]);
    }

    /// <summary>
    /// The member name vocabulary: a recording word (Recording, Video, Clip, Footage, Audio, or Voice/Snapshot followed
    /// by a content word) followed only by content words: <c>Video</c>, <c>VideoPath</c>, <c>RawAudioBytes</c>,
    /// <c>RecordingBlobName</c>, <c>VoiceData</c>. Not <c>VideoSettings</c>, <c>RecordingCount</c> or <c>AudioEnabled</c>.
    /// </summary>
    public static bool IsRecordingMemberName(string name) => IsRecordingMemberName(SplitWords(name));

    private static bool IsRecordingMemberName(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = Singular(words[i]);
            var strong = HeadWords.Contains(word);
            if (!strong && !(MediaWords.Contains(word) || word.Equals("Snapshot", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var rest = words.GetRange(i + 1, words.Count - i - 1);
            if (rest.Count == 0 ? strong : IsContentName(rest))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words like <c>BlobName</c>, <c>FilePath</c>, <c>Url</c>, <c>Data</c>: at least one content word, then only content or tail words.</summary>
    private static bool IsContentName(List<string> words)
    {
        var content = false;
        foreach (var word in words)
        {
            if (ContentWords.Contains(word))
            {
                content = true;
            }
            else if (!content || !ContentTailWords.Contains(word))
            {
                return false;
            }
        }

        return content;
    }

    private bool ComputeIsRecordingType(ITypeSymbol type)
    {
        if (this.excludedTypes.ContainsTypeOrBase(type))
        {
            return false;
        }

        if (this.recordingTypes.ContainsTypeOrBase(type))
        {
            return true;
        }

        // A type's members are read only when a classification attribute can mark them: GetMembers allocates, and
        // doing it for every base type (ControllerBase, DbContext...) of every type asked about was the largest
        // allocation of the recording rules.
        if (this.classificationAttribute is not null)
        {
            if (this.HasRecordingClassification(type))
            {
                return true;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol && this.HasRecordingClassification(member))
                {
                    return true;
                }
            }
        }

        if (!type.IsFrameworkSymbol() && IsRecordingTypeName(type.Name))
        {
            return true;
        }

        // The base type's answer is cached too (and the excluded and configured types were checked with the bases).
        return type.BaseType is { SpecialType: SpecialType.None } baseType && this.IsRecordingType(baseType);
    }

    private bool HasRecordingClassification(ISymbol symbol)
    {
        if (this.classificationAttribute is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass &&
                attributeClass.IsOrDerivesFrom(this.classificationAttribute) &&
                this.NamesRecording(attributeClass.Name))
            {
                return true;
            }
        }

        return false;
    }

    private bool NamesRecording(string attributeName)
    {
        foreach (var word in this.classificationWords)
        {
            if (attributeName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Singular(string word) =>
        word.Length > 4 && word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ss", StringComparison.OrdinalIgnoreCase)
            ? word.Substring(0, word.Length - 1)
            : word;

    /// <summary>The words of an identifier, as a list the vocabulary checks can trim.</summary>
    internal static List<string> SplitWords(string name) => new(IdentifierWords.Split(name));

    private enum MemberName : byte
    {
        Other,

        /// <summary>Named for recording content: <c>VideoPath</c>, <c>AudioBytes</c>.</summary>
        Recording,

        /// <summary>Named for content, a recording's when its type is one: <c>BlobName</c>, <c>Url</c>.</summary>
        Content,
    }
}
