using System.ComponentModel;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Mcp;

/// <summary>One note change as the assistant shows it to the person.</summary>
internal sealed record SyncChangeView(
    [property: Description("create, update, move, delete or conflict")] string Kind,
    [property: Description("The side that changes: anki or markdown (both for a conflict)")] string Side,
    [property: Description("The deck")] string Deck,
    [property: Description("The note key; absent for a note that gets its key from the real run")] string? NoteKey,
    [property: Description("The note's first field, shortened")] string Note,
    [property: Description("For updates and conflicts: the fields that change")] IReadOnlyList<string> Fields,
    [property: Description("More about the change, e.g. where a note moves from")] string? Detail)
{
    public const int MaxShown = 100;

    public static SyncChangeView Of(SyncChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new SyncChangeView(change.Kind.ToString().ToLowerInvariant(), change.Kind == SyncChangeKind.Conflict ? "both" : change.Target.ToString().ToLowerInvariant(),
            change.DeckName, change.NoteKey, change.Summary, change.Fields, change.Detail);
    }
}
