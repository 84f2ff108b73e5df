using Xunit;

namespace PrivacyAnalyzers.Tests.EndToEnd;

/// <summary>
/// Tests that run the dotnet CLI on this repository's projects run one at a time: two builds of the same
/// projects at once would write the same obj/ folders.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DotNetCliTests
{
    public const string Name = "dotnet CLI";
}
