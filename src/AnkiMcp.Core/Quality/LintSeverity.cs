namespace AnkiMcp.Core.Quality;

/// <summary>How much a flag matters. Flags are advice either way: they never stop a card from being proposed or created.</summary>
public enum LintSeverity
{
    /// <summary>The card works, but is harder to learn than it needs to be (too long, several facts, a yes/no question).</summary>
    Advice,

    /// <summary>The card does not work as it stands (it gives its answer away, makes no sense alone, or repeats a card).</summary>
    Warning,
}
