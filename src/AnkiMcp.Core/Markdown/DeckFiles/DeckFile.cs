namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>One parsed deck file. <see cref="Notes"/> are the notes that parsed cleanly, in file order; a note with
/// errors is left out and its problems are in <see cref="Errors"/>. <see cref="FailedNoteKeys"/> lists the keys of the
/// notes that were left out, so a sync can leave their Anki notes alone instead of deleting them.</summary>
public sealed record DeckFile(string Path, string DeckName, IReadOnlyList<MarkdownNote> Notes, IReadOnlyList<CollectionError> Errors)
{
    /// <summary>Keys found in notes that failed to parse.</summary>
    public IReadOnlyList<string> FailedNoteKeys { get; init; } = [];

    /// <summary>SHA-256 of the file's bytes when it was read; writers use it to refuse to edit a file changed since.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>Whether the file parsed without any error (only then may it be written back).</summary>
    public bool IsClean => Errors.Count == 0;
}
