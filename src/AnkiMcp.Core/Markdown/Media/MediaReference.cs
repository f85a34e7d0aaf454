namespace AnkiMcp.Core.Markdown.Media;

/// <summary>A media file referenced from a deck file: its flat name in <c>media/</c> (and in Anki's media folder) and
/// where the reference is.</summary>
public sealed record MediaReference(string FileName, string File, int Line);
