using System.ComponentModel;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Mcp;

/// <summary>What the sync tool reports.</summary>
internal sealed record SyncResult(
    [property: Description("both, markdown-to-anki or anki-to-markdown")] string Direction,
    [property: Description("True when nothing was changed and the counts are what would happen")] bool DryRun,
    [property: Description("inStep (both sides agree), conflictsOpen (notes changed on both sides wait for the person), notSynced (some changes did not land; sync again once fixed), or dryRun")] string Outcome,
    [property: Description("Notes created, updated, moved and deleted in Anki")] SyncCounts Anki,
    [property: Description("Notes created, updated, moved and deleted in the Markdown files")] SyncCounts Markdown,
    [property: Description("Notes changed on both sides since the last sync")] int Conflicts,
    [property: Description("Each change (the first 100): deck, note, its first field shortened, the fields that change")] IReadOnlyList<SyncChangeView> Changes,
    [property: Description("Notes whose change did not reach the other side, with the likely cause and what the person should do")] IReadOnlyList<UnsyncedNote> NotSynced,
    [property: Description("Anki notes of types not in note_types/, left alone, by note type")] IReadOnlyDictionary<string, int> UnmanagedNotes,
    [property: Description("Things the person should know")] IReadOnlyList<string> Warnings,
    [property: Description("What happened, in one sentence")] string Message);
