using PrivacyAnalyzers.Internals;
using Xunit;

namespace PrivacyAnalyzers.Tests.Internals;

/// <summary>How identifiers split into the words the name vocabularies read.</summary>
public sealed class IdentifierWordsTests
{
    [Theory]
    [InlineData("FaceProfileImagePath", "Face|Profile|Image|Path")]
    [InlineData("S3ObjectKey", "S3|Object|Key")]
    [InlineData("GPSFix", "GPS|Fix")]
    [InlineData("Recording", "Recording")]
    [InlineData("isDeleted", "is|Deleted")]
    [InlineData("_voice_print", "voice|print")]
    [InlineData("_x", "x")]
    [InlineData("x_", "x")]
    [InlineData("Id", "Id")]
    [InlineData("__", "")]
    [InlineData("", "")]
    public void Splits_into_words(string identifier, string expected)
    {
        Assert.Equal(expected, string.Join("|", IdentifierWords.Split(identifier)));
    }
}
