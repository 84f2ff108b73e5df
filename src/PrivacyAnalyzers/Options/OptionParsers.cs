using System.Collections.Immutable;
using System.Globalization;

namespace PrivacyAnalyzers.Options;

/// <summary>The value syntaxes options accept.</summary>
internal static class OptionParsers
{
    public static bool Int32(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public static bool NonNegativeInt32(string text, out int value) =>
        Int32(text, out value) && value >= 0;

    public static bool Boolean(string text, out bool value) =>
        bool.TryParse(text, out value);

    /// <summary>A <c>|</c>-separated list of documentation comment ids (<c>T:</c>, <c>M:</c>, <c>P:</c>, <c>F:</c>, <c>E:</c>).</summary>
    public static bool SymbolIds(string text, out ImmutableArray<string> ids)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in text.Split('|'))
        {
            var id = part.Trim();
            if (id.Length > 2 && id[1] == ':' && "TMPFE".IndexOf(id[0]) >= 0)
            {
                builder.Add(id);
            }
        }

        ids = builder.ToImmutable();
        return ids.Length > 0 || text.Length == 0;
    }

    /// <summary>A <c>|</c>-separated list of plain words (names, content types, extensions); empty entries dropped.</summary>
    public static bool Words(string text, out ImmutableArray<string> words)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in text.Split('|'))
        {
            var word = part.Trim();
            if (word.Length > 0)
            {
                builder.Add(word);
            }
        }

        words = builder.ToImmutable();
        return true;
    }

    /// <summary>Any non-empty text, as written (a policy name...).</summary>
    public static bool Text(string text, out string value)
    {
        value = text;
        return text.Length > 0;
    }
}
