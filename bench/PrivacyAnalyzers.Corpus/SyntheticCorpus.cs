using System.Collections.Generic;
using System.Linq;

namespace PrivacyAnalyzers.Corpus;

/// <summary>One generated source file: a path (for locations) and its text.</summary>
public sealed record CorpusFile(string Path, string Text, int Lines);

/// <summary>
/// A generated application: ASP.NET Core controllers and minimal APIs, EF Core entities and contexts, services
/// with logging, Identity setup and device code, with the privacy patterns of <see cref="PlantedPattern"/> planted at
/// known places. It compiles as a console application (Program.cs has top-level statements) against
/// <see cref="CorpusReferences.All"/>.
/// </summary>
public sealed class SyntheticCorpus
{
    internal SyntheticCorpus(int seed, int targetLines, IReadOnlyList<CorpusFile> files, IReadOnlyDictionary<string, int> planted)
    {
        this.Seed = seed;
        this.TargetLines = targetLines;
        this.Files = files;
        this.Planted = planted;
        this.Lines = files.Sum(f => f.Lines);
    }

    public int Seed { get; }

    /// <summary>The size asked for; <see cref="Lines"/> is the size made (at most one module more).</summary>
    public int TargetLines { get; }

    public int Lines { get; }

    public IReadOnlyList<CorpusFile> Files { get; }

    /// <summary>How many times each <see cref="PlantedPattern"/> occurs (patterns not planted are absent or zero).</summary>
    public IReadOnlyDictionary<string, int> Planted { get; }

    public int PlantedCount(string pattern) => this.Planted.TryGetValue(pattern, out var count) ? count : 0;
}

/// <summary>
/// The privacy patterns the generator plants, each at a fixed probability per place where it can occur, next to
/// the safe variant of the same code. Each planted occurrence is one statement, argument or assignment.
/// </summary>
public static class PlantedPattern
{
    /// <summary><c>PasswordSignInAsync</c>/<c>CheckPasswordSignInAsync</c> with <c>lockoutOnFailure</c> false (literal, local or field).</summary>
    public const string SignInWithoutLockout = "sign-in-without-lockout";

    /// <summary>One weak Identity lockout or password option assignment.</summary>
    public const string WeakIdentityOption = "weak-identity-option";

    /// <summary>A recording (clip, snapshot, voice note) served by id without checking who owns it.</summary>
    public const string RecordingServedWithoutOwnerCheck = "recording-served-without-owner-check";

    /// <summary>A delete endpoint that only flags the row as deleted.</summary>
    public const string SoftDeleteOnly = "soft-delete-only";

    /// <summary>A personal field (email, phone number, display name) written to a log.</summary>
    public const string PersonalDataLogged = "personal-data-logged";

    /// <summary>A location read with no consent check before it.</summary>
    public const string LocationWithoutConsent = "location-without-consent";

    /// <summary>The microphone started with no consent check before it.</summary>
    public const string MicrophoneWithoutConsent = "microphone-without-consent";

    /// <summary>A coordinate written to a log through a local (planted by the pathological inputs only).</summary>
    public const string LocationLogged = "location-logged";

    /// <summary>The patterns the synthetic corpus plants.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        SignInWithoutLockout, WeakIdentityOption, RecordingServedWithoutOwnerCheck, SoftDeleteOnly,
        PersonalDataLogged, LocationWithoutConsent, MicrophoneWithoutConsent,
    };
}
