namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>What a line of a deck file is, as <see cref="BlockScan"/> decides it.</summary>
internal enum LineRole : byte
{
    /// <summary>Not in any field: blank lines, stray text and comments before a note's first label.</summary>
    Outside,

    /// <summary>The <c>---</c> line between notes.</summary>
    Separator,

    /// <summary>A note_key, note_type or tags comment.</summary>
    Metadata,

    /// <summary>A line that starts a field with its label.</summary>
    Label,

    /// <summary>A line of the current field (in code or not).</summary>
    Content,

    /// <summary>A line of the current field written with one backslash before a label (<c>\A: …</c>), which is dropped.</summary>
    EscapedContent,
}
