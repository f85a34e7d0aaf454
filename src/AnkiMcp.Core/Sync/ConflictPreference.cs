namespace AnkiMcp.Core.Sync;

/// <summary>How a two-way sync settles a note changed on both sides.</summary>
public enum ConflictPreference
{
    /// <summary>Change neither side; keep Anki's version in <c>conflicts/</c> and report the conflict.</summary>
    None,

    /// <summary>The Markdown version wins.</summary>
    Markdown,

    /// <summary>The Anki version wins.</summary>
    Anki,
}
