namespace AnkiMcp.Core.Sync;

/// <summary>Which side a sync run makes match which.</summary>
public enum SyncDirection
{
    /// <summary><c>markdown-to-anki</c>: Anki is made to match the folder.</summary>
    MarkdownToAnki,

    /// <summary><c>anki-to-markdown</c>: the folder is made to match Anki.</summary>
    AnkiToMarkdown,

    /// <summary><c>sync</c>: both sides' changes since the last sync are applied to the other side.</summary>
    TwoWay,
}
