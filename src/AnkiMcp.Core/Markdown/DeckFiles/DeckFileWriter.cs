using System.Text;
using AnkiMcp.Core.IO;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Writes deck files: canonical rendering of whole decks, key comments inserted into the user's text (every other
/// byte kept), and notes appended. Every write is atomic, is checked by parsing the result first, and is refused when
/// the file on disk does not parse cleanly or changed since it was read.</summary>
public static class DeckFileWriter
{
    /// <summary>The text between two notes.</summary>
    public const string Separator = "\n\n---\n\n";

    /// <summary>A note in canonical form: key, note type (only when the labels would not pick it), tags, then the
    /// labelled fields in note-type order (identifying ones always, others when not empty), without a final newline.</summary>
    public static string RenderNote(MarkdownNote note, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(types);
        NoteTypeDefinition type = types.Find(note.NoteTypeName)
            ?? throw new ArgumentException($"Unknown note type '{note.NoteTypeName}'; known types: {string.Join(", ", types.Types.Select(t => t.Name))}.", nameof(note));
        List<NoteFieldDefinition> written = [];
        foreach (NoteFieldDefinition field in type.LabelledFields)
        {
            string value = note.Fields.GetValueOrDefault(field.Name) ?? "";
            if (value.Length > 0 || (field.Identifying && !(type.IsChoice && NoteTypeDefinition.IsChoiceField(field))))
                written.Add(field);
        }
        StringBuilder builder = new();
        if (note.Key is not null)
            builder.Append("<!-- note_key: ").Append(note.Key).Append(" -->\n");
        if (types.Infer([.. written.Select(f => f.Label!)], out _) != type)
            builder.Append("<!-- note_type: ").Append(type.Name).Append(" -->\n");
        IReadOnlyList<string> tags = NoteTags.Normalize(note.Tags);
        if (tags.Count > 0)
            builder.Append("<!-- tags: ").AppendJoin(' ', tags).Append(" -->\n");
        foreach (NoteFieldDefinition field in written)
            AppendField(builder, field.Label!, note.Fields.GetValueOrDefault(field.Name) ?? "", types);
        return builder.ToString(0, builder.Length - 1);
    }

    /// <summary>A whole deck file in canonical form: notes separated by <see cref="Separator"/>, ending with a newline
    /// (empty for no notes).</summary>
    public static string Render(IEnumerable<MarkdownNote> notes, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(notes);
        string body = string.Join(Separator, notes.Select(n => RenderNote(n, types)));
        return body.Length == 0 ? "" : body + "\n";
    }

    /// <summary>Writes <paramref name="notes"/> as the deck file at <paramref name="path"/> in canonical form.
    /// Returns false (and writes nothing) when the file already has exactly that text.</summary>
    /// <exception cref="CollectionFormatException">The existing file does not parse cleanly, or the new text would not.</exception>
    public static bool WriteDeck(string path, IEnumerable<MarkdownNote> notes, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(path);
        List<MarkdownNote> list = [.. notes];
        string text = Render(list, types);
        if (File.Exists(path))
        {
            DeckFile existing = DeckFileParser.Load(path, types);
            if (!existing.IsClean)
                throw Refuse(existing);
            if (File.ReadAllText(path) == text)
                return false;
        }
        WriteChecked(path, text, list.Count, types);
        return true;
    }

    /// <summary>Inserts <c>&lt;!-- note_key: … --&gt;</c> lines above the notes starting at the given 1-based lines,
    /// keeping every other byte of the file (line ends included). Returns the deck as parsed after the write.</summary>
    /// <exception cref="CollectionFormatException">The file has errors, changed since <paramref name="deck"/> was read,
    /// or a line is not the start of a keyless note.</exception>
    public static DeckFile InsertKeys(DeckFile deck, IReadOnlyDictionary<int, string> keysByLine, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(keysByLine);
        byte[] bytes = ReadUnchangedBytes(deck);
        string fileName = Path.GetFileName(deck.Path);
        HashSet<int> keylessLines = [.. deck.Notes.Where(n => n.Key is null).Select(n => n.Line)];
        // Spliced into the bytes as read (keys are ASCII), front to back, and checked by parsing those bytes: the text
        // never becomes a string, and every byte the person wrote is kept.
        List<(int Offset, byte[] KeyLine)> inserts = new(keysByLine.Count);
        int line = 1;
        int offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        foreach ((int keyLine, string key) in keysByLine.OrderBy(k => k.Key))
        {
            if (!NoteKey.IsValid(key))
                throw new CollectionFormatException([new CollectionError(fileName, keyLine, $"'{key}' is not a valid note key")]);
            if (!keylessLines.Contains(keyLine))
                throw new CollectionFormatException([new CollectionError(fileName, keyLine, "no keyless note starts on this line; parse the file again")]);
            for (; line < keyLine; line++)
            {
                int next = bytes.AsSpan(offset).IndexOf((byte)'\n');
                offset = next < 0 ? bytes.Length : offset + next + 1;
            }
            int lineEnd = bytes.AsSpan(offset).IndexOf((byte)'\n');
            string newline = lineEnd > 0 && bytes[offset + lineEnd - 1] == '\r' ? "\r\n" : "\n";
            inserts.Add((offset, Encoding.ASCII.GetBytes($"<!-- note_key: {key} -->{newline}")));
        }
        byte[] written = new byte[bytes.Length + inserts.Sum(insert => insert.KeyLine.Length)];
        int copied = 0;
        int at = 0;
        foreach ((int insertAt, byte[] keyLine) in inserts)
        {
            bytes.AsSpan(copied, insertAt - copied).CopyTo(written.AsSpan(at));
            at += insertAt - copied;
            keyLine.CopyTo(written.AsSpan(at));
            at += keyLine.Length;
            copied = insertAt;
        }
        bytes.AsSpan(copied).CopyTo(written.AsSpan(at));
        return WriteChecked(deck.Path, written, deck.Notes.Count, types);
    }

    /// <summary>Gives every keyless note of <paramref name="deck"/> a new key (see <see cref="InsertKeys"/>).</summary>
    public static DeckFile AssignMissingKeys(DeckFile deck, NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(deck);
        Dictionary<int, string> keys = deck.Notes.Where(n => n.Key is null).ToDictionary(n => n.Line, _ => NoteKey.New());
        return keys.Count == 0 ? deck : InsertKeys(deck, keys, types);
    }

    /// <summary>Appends notes at the end of the deck file at <paramref name="path"/> (created if missing), keeping the
    /// existing text as it is. Pass the deck as last parsed (<paramref name="parsed"/>, e.g. from a cache) to spare parsing
    /// the file again: only the new notes are parsed, and the write is refused if the file changed since. Returns the deck
    /// as it is after the write.</summary>
    /// <exception cref="CollectionFormatException">The existing file has errors or changed since it was parsed, or a new note is invalid.</exception>
    public static DeckFile AppendNotes(string path, IReadOnlyList<MarkdownNote> notes, NoteTypeRegistry types, DeckFile? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(notes);
        string text = "";
        DeckFile? existing = null;
        if (File.Exists(path))
        {
            existing = parsed is not null && parsed.Path == path ? parsed : DeckFileParser.Load(path, types);
            text = ReadUnchanged(existing);
        }
        if (notes.Count == 0)
            return DeckFileParser.Parse(path, text, types);
        string newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        StringBuilder builder = new(text);
        if (!string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
        {
            string trimmed = text.TrimEnd('\r', '\n');
            builder.Length = trimmed.Length;
            builder.Append(newline).Append(newline).Append("---").Append(newline).Append(newline);
        }
        int linesBefore = builder.ToString().Count(c => c == '\n');
        string added = Render(notes, types).Replace("\n", newline, StringComparison.Ordinal);
        DeckFile addedDeck = DeckFileParser.Parse(path, added, types);
        if (!addedDeck.IsClean || addedDeck.Notes.Count != notes.Count)
        {
            IReadOnlyList<CollectionError> errors = addedDeck.IsClean
                ? [new CollectionError(Path.GetFileName(path), linesBefore + 1, $"the new text would hold {addedDeck.Notes.Count} notes instead of {notes.Count}; nothing was written")]
                : [.. addedDeck.Errors.Select(error => error with { Line = error.Line + linesBefore })];
            throw new CollectionFormatException(errors);
        }
        byte[] bytes = new UTF8Encoding(false).GetBytes(builder.Append(added).ToString());
        AtomicFile.WriteAllBytes(path, bytes);
        return (existing ?? addedDeck) with
        {
            Notes = [.. existing?.Notes ?? [], .. addedDeck.Notes.Select(note => note with { Line = note.Line + linesBefore })],
            ContentHash = DeckFileParser.HashOf(bytes),
        };
    }

    private static void AppendField(StringBuilder builder, string label, string value, NoteTypeRegistry types)
    {
        builder.Append(label);
        string[] lines = value.Split('\n');
        int first = 0;
        if (value.Length > 0 && !char.IsWhiteSpace(value[0]) && !CodeFence.Opens(lines[0]))
        {
            builder.Append(' ').Append(lines[0]);
            first = 1;
        }
        builder.Append('\n');
        CodeFence code = new();
        if (first == 1)
            code.Add(lines[0].AsMemory(), 0);
        for (int i = first; i < lines.Length; i++)
        {
            string line = lines[i];
            int depth = FieldLabel.EscapeDepth(line, out int escaped);
            int plain = FieldLabel.Match(line);
            bool labelLike = (depth > 0 && types.IsLabel(line.AsSpan(depth, escaped))) || (plain > 0 && types.IsLabel(line.AsSpan(0, plain)));
            bool separatorLike = line.TrimEnd() == "---" && i > 0 && lines[i - 1].Length == 0;
            if ((labelLike || separatorLike) && !code.IsCode(line))
                line = labelLike ? "\\" + line : "***";
            code.Add(lines[i].AsMemory(), i);
            builder.Append(line).Append('\n');
        }
    }

    internal static string ReadUnchanged(DeckFile deck) => Encoding.UTF8.GetString(ReadUnchangedBytes(deck));

    private static byte[] ReadUnchangedBytes(DeckFile deck)
    {
        if (!deck.IsClean)
            throw Refuse(deck);
        byte[] bytes = File.Exists(deck.Path) ? File.ReadAllBytes(deck.Path) : [];
        if (DeckFileParser.HashOf(bytes) != deck.ContentHash)
            throw new CollectionFormatException([new CollectionError(Path.GetFileName(deck.Path), 1, "the file changed since it was read; run the command again")]);
        return bytes;
    }

    internal static DeckFile WriteChecked(string path, string text, int expectedNotes, NoteTypeRegistry types) =>
        WriteChecked(path, new UTF8Encoding(false).GetBytes(text), expectedNotes, types);

    private static DeckFile WriteChecked(string path, byte[] bytes, int expectedNotes, NoteTypeRegistry types)
    {
        DeckFile result = DeckFileParser.Parse(path, bytes, types, DeckFileParser.HashOf(bytes));
        if (!result.IsClean || result.Notes.Count != expectedNotes)
        {
            IReadOnlyList<CollectionError> errors = result.IsClean
                ? [new CollectionError(Path.GetFileName(path), 1, $"the new text would hold {result.Notes.Count} notes instead of {expectedNotes}; nothing was written")]
                : result.Errors;
            throw new CollectionFormatException(errors);
        }
        AtomicFile.WriteAllBytes(path, bytes);
        return result;
    }

    private static CollectionFormatException Refuse(DeckFile deck) =>
        new([.. deck.Errors.Prepend(new CollectionError(Path.GetFileName(deck.Path), 1, "not written because the file has errors; fix them first"))]);
}
