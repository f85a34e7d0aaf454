using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>What the sync tool reports.</summary>
internal sealed record SyncResult(
    [property: Description("both, markdown-to-anki or anki-to-markdown")] string Direction,
    [property: Description("True when nothing was changed and the counts are what would happen")] bool DryRun,
    [property: Description("Notes created, updated, moved and deleted in Anki")] SyncCounts Anki,
    [property: Description("Notes created, updated, moved and deleted in the Markdown files")] SyncCounts Markdown,
    [property: Description("Notes changed on both sides since the last sync")] int Conflicts,
    [property: Description("Things the person should know")] IReadOnlyList<string> Warnings,
    [property: Description("What happened, in one sentence")] string Message);
