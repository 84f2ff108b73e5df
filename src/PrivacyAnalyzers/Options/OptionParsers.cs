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
}
