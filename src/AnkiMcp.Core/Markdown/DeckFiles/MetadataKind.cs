namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>What a line of a note holds when read as a metadata comment (see <see cref="MetadataComment"/>).</summary>
internal enum MetadataKind
{
    None,
    Key,
    MalformedKey,
    NoteType,
    Tags,
}
