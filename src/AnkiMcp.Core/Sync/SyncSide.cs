namespace AnkiMcp.Core.Sync;

/// <summary>One of the two sides a sync keeps in step.</summary>
public enum SyncSide
{
    /// <summary>The Anki collection, through AnkiConnect.</summary>
    Anki,

    /// <summary>The Markdown collection folder.</summary>
    Markdown,
}
