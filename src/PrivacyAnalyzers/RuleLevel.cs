namespace PrivacyAnalyzers;

/// <summary>How loudly a rule speaks by default, chosen by how sure its findings are.</summary>
internal enum RuleLevel
{
    /// <summary>A clear risk: a build warning, on by default.</summary>
    BuildWarning,

    /// <summary>A heuristic finding: an IDE suggestion (Info), on by default.</summary>
    IdeSuggestion,

    /// <summary>Opt-in: noisy or policy-dependent; Info once a team enables it.</summary>
    Disabled,
}
