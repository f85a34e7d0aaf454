using System.Text;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Edits a deck file note by note: notes replaced, removed or appended, every other byte kept as the person wrote
/// it (untouched notes, separators, line ends). A replaced note keeps its tags line when the tags are the same set and its
/// note_type comment, so only what changed is rewritten.</summary>
internal static class DeckFileSplicer
{
    /// <summary>Writes the deck with these changes (by key: a note to put in its place, or null to remove it) and the
    /// appended notes; returns the deck as parsed after the write.</summary>
    /// <exception cref="CollectionFormatException">The file has errors or changed since it was read.</exception>
    public static DeckFile Write(DeckFile deck, IReadOnlyDictionary<string, MarkdownNote?> changes, IReadOnlyList<MarkdownNote> appended, NoteTypeRegistry types)
    {
        string text = DeckFileWriter.ReadUnchanged(deck);
        string newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        DeckLines lines = new(text);
        List<(int Start, int End)> blocks = [.. BlockScan.Run(lines, types).Blocks.Select(block => ContentOf(lines, block))];
        if (blocks.Count != deck.Notes.Count)
            throw new CollectionFormatException([new CollectionError(Path.GetFileName(deck.Path), 1, "the file's notes could not be told apart; run the command again")]);

        StringBuilder result = new();
        int emitted = 0;
        int previousEnd = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            (int start, int end) = blocks[i];
            MarkdownNote note = deck.Notes[i];
            string original = text[start..end];
            string? content = note.Key is not null && changes.TryGetValue(note.Key, out MarkdownNote? replacement)
                ? replacement is null ? null : Render(replacement, original, types, newline)
                : original;
            if (content is not null)
            {
                // The first note kept takes the text before the file's first note; the others the gap before their own.
                result.Append(emitted == 0 ? text[..blocks[0].Start] : text[previousEnd..start]).Append(content);
                emitted++;
            }
            previousEnd = end;
        }
        foreach (MarkdownNote note in appended)
        {
            result.Append(emitted == 0 ? "" : newline + newline + "---" + newline + newline)
                .Append(DeckFileWriter.RenderNote(note, types).Replace("\n", newline, StringComparison.Ordinal));
            emitted++;
        }
        string tail = blocks.Count > 0 ? text[blocks[^1].End..] : "";
        result.Append(tail.Length > 0 || emitted == 0 ? tail : newline);
        return DeckFileWriter.WriteChecked(deck.Path, result.ToString(), emitted, types);
    }

    /// <summary>The text offsets of a block's lines from its first to its last non-blank line (line end excluded).</summary>
    private static (int Start, int End) ContentOf(DeckLines lines, (int Start, int End) block)
    {
        int first = block.Start;
        while (lines.IsBlank(first))
            first++;
        int last = block.End - 1;
        while (lines.IsBlank(last))
            last--;
        return (lines.StartOf(first), lines.StartOf(last) + lines[last].Length);
    }

    private static string Render(MarkdownNote note, string original, NoteTypeRegistry types, string newline)
    {
        List<string> rendered = [.. DeckFileWriter.RenderNote(note, types).Split('\n')];
        string[] originalLines = original.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        if (originalLines.FirstOrDefault(line => MetadataComment.TagsComment().IsMatch(line)) is { } tagsLine
            && NoteTags.Normalize(Tags(tagsLine)).SequenceEqual(NoteTags.Normalize(note.Tags), StringComparer.Ordinal))
        {
            int index = rendered.FindIndex(line => MetadataComment.TagsComment().IsMatch(line));
            if (index >= 0)
                rendered[index] = tagsLine;
        }
        if (originalLines.FirstOrDefault(line => MetadataComment.TypeComment().IsMatch(line)) is { } typeLine
            && MetadataComment.TypeComment().Match(typeLine).Groups["name"].Value == note.NoteTypeName
            && !rendered.Exists(line => MetadataComment.TypeComment().IsMatch(line)))
        {
            rendered.Insert(rendered.FindIndex(line => !MetadataComment.KeyComment().IsMatch(line)), typeLine);
        }
        return string.Join(newline, rendered);
    }

    private static string[] Tags(string tagsLine) =>
        MetadataComment.TagsComment().Match(tagsLine).Groups["tags"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
