using System.Text.Json.Serialization;

namespace AnkiMcp.Core.Sync;

/// <summary>Everything a sync run does (or, in a dry run, would do).</summary>
/// <param name="Changes">Every note change, in the order they are applied.</param>
/// <param name="Media">Media files copied between <c>media/</c> and Anki.</param>
/// <param name="NoteTypes">Note types created or updated in Anki.</param>
public sealed record SyncPlan(IReadOnlyList<SyncChange> Changes, IReadOnlyList<MediaTransfer> Media, IReadOnlyList<NoteTypeChange> NoteTypes)
{
    /// <summary>A plan that changes nothing.</summary>
    public static SyncPlan Empty { get; } = new([], [], []);

    /// <summary>Media files renamed to carry their content's digest (a new or changed file); their references follow.</summary>
    public IReadOnlyList<MediaRename> RenamedMedia { get; init; } = [];

    /// <summary>The note changes grouped by deck, decks in name order.</summary>
    [JsonPropertyName("decks")]
    public IReadOnlyList<DeckPlan> ByDeck =>
        [.. Changes.GroupBy(change => change.DeckName, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new DeckPlan(group.Key, [.. group]))];

    /// <summary>True when the run changes nothing on either side.</summary>
    [JsonIgnore]
    public bool IsEmpty => Changes.Count == 0 && Media.Count == 0 && NoteTypes.Count == 0 && RenamedMedia.Count == 0;

    /// <summary>How many changes of this kind land on this side.</summary>
    public int Count(SyncChangeKind kind, SyncSide target) => Changes.Count(change => change.Kind == kind && change.Target == target);

    /// <summary>The notes both sides changed.</summary>
    [JsonIgnore]
    public IEnumerable<SyncChange> Conflicts => Changes.Where(change => change.Kind == SyncChangeKind.Conflict);
}
