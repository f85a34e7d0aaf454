using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Reads deck files. Notes are separated by a line <c>---</c> between blank lines (never inside a code fence);
/// a note holds optional <c>&lt;!-- note_key / note_type / tags: … --&gt;</c> comment lines and <c>Label: value</c>
/// fields whose values run until the next label of a known note type. A content line that would read as a label is
/// written with a leading backslash (<c>\A: …</c>). CRLF line ends and a UTF-8 BOM are accepted. Problems are
/// reported per note with file and line; one bad note never stops the rest of the file.</summary>
public static class DeckFileParser
{
    /// <summary>Reads and parses the deck file at <paramref name="path"/>; the deck name comes from the file name.</summary>
    public static DeckFile Load(string path, NoteTypeRegistry types)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return Parse(path, bytes, types, HashOf(bytes));
    }

    /// <summary>Parses a deck file's bytes, read and hashed by the caller.</summary>
    internal static DeckFile Parse(string path, byte[] bytes, NoteTypeRegistry types, string contentHash)
    {
        // Decoded into a pooled buffer, not a string: the text is only read while parsing (values are copied out), and
        // a deck file's text is usually large enough for the large object heap, whose allocations start full
        // collections of everything a collection load keeps.
        char[] buffer = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            int length = Encoding.UTF8.GetChars(bytes, buffer);
            return Parse(path, buffer.AsMemory(0, length), types, contentHash);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses deck file text; <paramref name="path"/> names the file in errors and gives the deck name.</summary>
    public static DeckFile Parse(string path, string text, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(path, text.AsMemory(), types, HashOf(Encoding.UTF8.GetBytes(text)));
    }

    private static DeckFile Parse(string path, ReadOnlyMemory<char> text, NoteTypeRegistry types, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(types);
        string fileName = System.IO.Path.GetFileName(path);
        List<CollectionError> errors = [];
        string deckName;
        try
        {
            deckName = DeckFileNames.ToDeckName(fileName);
        }
        catch (ArgumentException e)
        {
            errors.Add(new CollectionError(fileName, 1, e.Message));
            deckName = System.IO.Path.GetFileNameWithoutExtension(fileName);
        }
        DeckLines lines = new(text);
        BlockScan scan = BlockScan.Run(lines, types);
        List<MarkdownNote> notes = new(scan.Blocks.Count);
        List<string> failedKeys = [];
        Dictionary<string, int> keyLines = new(scan.Blocks.Count, StringComparer.Ordinal);
        NoteBlockParser block = new(lines, types, scan.Roles, fileName);
        foreach ((int start, int end) in scan.Blocks)
        {
            MarkdownNote? note = block.Parse(start, end, errors);
            // A loop by index: most files have no unclosed fence, and this runs for every note.
            for (int u = 0; u < scan.UnclosedFenceLines.Count; u++)
            {
                int opener = scan.UnclosedFenceLines[u];
                if (opener < start || opener >= end)
                    continue;
                errors.Add(new CollectionError(fileName, opener + 1, "this code fence is never closed; add a closing ``` line"));
                note = null;
            }
            if (block.Key is { } key)
            {
                if (keyLines.TryGetValue(key, out int firstLine))
                {
                    errors.Add(new CollectionError(fileName, block.KeyLine, $"duplicate note_key {key}: already used by the note on line {firstLine}; give one of them a new key or delete the line"));
                    note = null;
                }
                else
                {
                    keyLines[key] = block.KeyLine;
                }
            }
            if (note is not null)
                notes.Add(note);
            else if (block.Key is { } failedKey)
                failedKeys.Add(failedKey);
        }
        return new DeckFile(path, deckName, notes, errors)
        {
            FailedNoteKeys = failedKeys,
            ContentHash = contentHash,
        };
    }

    internal static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
