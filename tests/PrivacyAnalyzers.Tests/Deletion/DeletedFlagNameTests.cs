using System;
using PrivacyAnalyzers.Model;
using Xunit;

namespace PrivacyAnalyzers.Tests.Deletion;

/// <summary>
/// <see cref="DeletionModel.MayBeDeletedFlagName"/> is the cheap gate before a name is split into words: it must say
/// yes whenever the name holds a stem of a deleted word (Deleted/Deletion, Removed, Erased, Purged, Trashed) in any
/// case, exactly as the five case-insensitive searches it replaced did.
/// </summary>
public sealed class DeletedFlagNameTests
{
    [Theory]
    [InlineData("IsDeleted", true)]
    [InlineData("DELETION_REQUESTED", true)]
    [InlineData("removedAt", true)]
    [InlineData("ErasedOn", true)]
    [InlineData("PURGED", true)]
    [InlineData("Trashed", true)]
    [InlineData("rash", true)]
    [InlineData("elet", true)]
    [InlineData("Name", false)]
    [InlineData("Eras", false)]
    [InlineData("Delete", true)]
    [InlineData("Remote", false)]
    [InlineData("", false)]
    [InlineData("urg", false)]
    public void Says_whether_a_name_holds_a_deleted_stem(string name, bool expected) =>
        Assert.Equal(expected, DeletionModel.MayBeDeletedFlagName(name));

    [Fact]
    public void Agrees_with_case_insensitive_searches_for_every_stem_on_random_names()
    {
        var random = new Random(20261129);
        const string Letters = "eElLtTmMoOvVrRaAsShHuUgGdDxX_1";
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 12)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Letters[random.Next(Letters.Length)];
            }

            var name = new string(chars);
            var expected =
                name.Contains("elet", StringComparison.OrdinalIgnoreCase) || name.Contains("emov", StringComparison.OrdinalIgnoreCase) ||
                name.Contains("rase", StringComparison.OrdinalIgnoreCase) || name.Contains("urge", StringComparison.OrdinalIgnoreCase) ||
                name.Contains("rash", StringComparison.OrdinalIgnoreCase);
            Assert.True(expected == DeletionModel.MayBeDeletedFlagName(name), name);
        }
    }
}
