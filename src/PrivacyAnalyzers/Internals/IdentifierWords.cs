using System.Collections.Immutable;

namespace PrivacyAnalyzers.Internals;

/// <summary>
/// Splits identifiers into their words (<c>FaceProfileImagePath</c> → Face, Profile, Image, Path;
/// <c>S3ObjectKey</c> → S3, Object, Key; <c>GPSFix</c> → GPS, Fix), for the documented name-vocabulary fallbacks.
/// </summary>
internal static class IdentifierWords
{
    public static ImmutableArray<string> Split(string identifier)
    {
        // Vocabulary checks run on every member name of every entity: count first, then allocate exactly once
        // (a one-word identifier is returned as it is).
        var count = Scan(identifier, words: null);
        if (count == 1 && IsOneWord(identifier))
        {
            return ImmutableArray.Create(identifier);
        }

        var words = ImmutableArray.CreateBuilder<string>(count);
        Scan(identifier, words);
        return words.MoveToImmutable();
    }

    /// <summary>
    /// True when one of <paramref name="words"/> is in <paramref name="vocabulary"/>. A loop rather than
    /// <c>words.Any(vocabulary.Contains)</c>: that makes a delegate on every call, and vocabularies are asked about
    /// every member name of every entity.
    /// </summary>
    public static bool AnyIn(this ImmutableArray<string> words, ImmutableHashSet<string> vocabulary)
    {
        foreach (var word in words)
        {
            if (vocabulary.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts the words of <paramref name="identifier"/>, adding each to <paramref name="words"/> when given.</summary>
    private static int Scan(string identifier, ImmutableArray<string>.Builder? words)
    {
        var count = 0;
        var start = -1;
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(identifier, ref start, i, words, ref count);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = identifier[i - 1];
            var next = i + 1 < identifier.Length ? identifier[i + 1] : '\0';
            var startsWord =
                (char.IsUpper(c) && char.IsLower(previous)) ||
                (char.IsUpper(c) && char.IsUpper(previous) && char.IsLower(next)) ||
                (char.IsUpper(c) && char.IsDigit(previous) && i - start > 1);
            if (startsWord)
            {
                Flush(identifier, ref start, i, words, ref count);
                start = i;
            }
        }

        Flush(identifier, ref start, identifier.Length, words, ref count);
        return count;
    }

    private static bool IsOneWord(string identifier)
    {
        foreach (var c in identifier)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Flush(string identifier, ref int start, int end, ImmutableArray<string>.Builder? words, ref int count)
    {
        if (start >= 0 && end > start)
        {
            count++;
            words?.Add(identifier.Substring(start, end - start));
        }

        start = -1;
    }
}
