using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>What <c>init</c> did.</summary>
/// <param name="CollectionDirectory">The collection folder.</param>
/// <param name="ProfileName">The Anki profile the collection is linked to, or null when Anki was not reachable (the first sync records it).</param>
/// <param name="TutorialFile">The tutorial deck written, if any.</param>
/// <param name="NoteTypesAdded">The default note types added to <c>note_types/</c>.</param>
/// <param name="NoteTypesSkipped">The default note types not added because the folder's own types (AnkiOps', say) hold their labels, each with the reason.</param>
public sealed record CollectionInitResult(string CollectionDirectory, string? ProfileName, string? TutorialFile,
    IReadOnlyList<string> NoteTypesAdded, IReadOnlyList<SkippedNoteType> NoteTypesSkipped);
