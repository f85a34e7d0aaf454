namespace AnkiMcp.Core.Anki;

/// <summary>
/// The outcome of <c>addNotes</c> under either AnkiConnect semantics: builds before 2024 add what they can and give
/// null for the rest without saying why; current builds add all or nothing and list every failure.
/// </summary>
/// <param name="NoteIds">One entry per note sent, in order: the new id, or null when that note was not added.</param>
/// <param name="Errors">The reasons Anki gave (current builds; empty on old builds, which give none).</param>
public sealed record AnkiAddNotesResult(IReadOnlyList<long?> NoteIds, IReadOnlyList<string> Errors)
{
    /// <summary>True when every note was added.</summary>
    public bool AllAdded => Errors.Count == 0 && NoteIds.All(id => id.HasValue);
}
