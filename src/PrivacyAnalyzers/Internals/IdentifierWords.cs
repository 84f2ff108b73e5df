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
        var words = ImmutableArray.CreateBuilder<string>();
        var start = -1;
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(identifier, ref start, i, words);
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
                Flush(identifier, ref start, i, words);
                start = i;
            }
        }

        Flush(identifier, ref start, identifier.Length, words);
        return words.ToImmutable();
    }

    private static void Flush(string identifier, ref int start, int end, ImmutableArray<string>.Builder words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(identifier.Substring(start, end - start));
        }

        start = -1;
    }
}
