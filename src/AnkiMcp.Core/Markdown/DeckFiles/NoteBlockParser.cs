using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Parses one note block of a deck file (see <see cref="DeckFileParser"/>), with the line roles
/// <see cref="BlockScan"/> decided.</summary>
internal sealed class NoteBlockParser(DeckLines lines, int start, int end, NoteTypeRegistry types, IReadOnlyList<LineRole> roles, string fileName)
{
    private readonly List<FieldText> _fields = [];
    private readonly List<string> _tags = [];
    private readonly List<CollectionError> _errors = [];
    private string? _typeName;
    private int _typeLine;

    /// <summary>The key of the note, once parsed and well formed.</summary>
    public string? Key { get; private set; }

    /// <summary>1-based line of the key comment.</summary>
    public int KeyLine { get; private set; }

    /// <summary>Parses the block; returns the note, or null after adding its errors to <paramref name="errors"/>.</summary>
    public MarkdownNote? Parse(List<CollectionError> errors)
    {
        int firstLine = 0;
        for (int i = start; i < end; i++)
        {
            ReadOnlySpan<char> line = lines[i];
            if (firstLine == 0 && !line.IsWhiteSpace())
                firstLine = i + 1;
            switch (roles[i])
            {
                case LineRole.Metadata:
                    ReadMetadata(line, i + 1);
                    break;
                case LineRole.Label:
                    StartField(lines.Memory(i), FieldLabel.Match(line), i + 1);
                    break;
                case LineRole.Content:
                    _fields[^1].Lines.Add(lines.Memory(i));
                    break;
                case LineRole.EscapedContent:
                    _fields[^1].Lines.Add(lines.Memory(i)[1..]);
                    break;
                default:
                    if (line.IsWhiteSpace() || line.TrimStart().StartsWith("<!--"))
                        break;
                    int labelLength = FieldLabel.Match(line);
                    _errors.Add(new CollectionError(fileName, i + 1, labelLength > 0
                        ? $"unknown label {line[..labelLength]}; the labels of the note types are {string.Join(" ", types.Types.SelectMany(t => t.LabelledFields).Select(f => f.Label).Distinct())} (see note_types/)"
                        : "text before the first field label belongs to no field; start the note with a label such as Q: or T:"));
                    break;
            }
        }

        MarkdownNote? note = _errors.Count == 0 ? Build(firstLine) : null;
        errors.AddRange(_errors);
        return note;
    }

    private void StartField(ReadOnlyMemory<char> line, int labelLength, int lineNumber)
    {
        ReadOnlySpan<char> written = line.Span[..labelLength];
        string label = types.KnownLabel(written) ?? written.ToString();
        FieldText? previous = null;
        foreach (FieldText given in _fields)
        {
            if (given.Label == label)
            {
                previous = given;
                break;
            }
        }
        if (previous is not null)
            _errors.Add(new CollectionError(fileName, lineNumber, $"field {label} is given twice in this note (first on line {previous.Line}); merge them into one"));
        FieldText field = new(label, lineNumber);
        field.Lines.Add(line[labelLength..].TrimStart());
        _fields.Add(field);
    }

    private void ReadMetadata(ReadOnlySpan<char> line, int lineNumber)
    {
        switch (MetadataComment.Read(line, out string value))
        {
            case MetadataKind.Key:
                AcceptKey(value, lineNumber);
                break;
            case MetadataKind.MalformedKey:
                _errors.Add(new CollectionError(fileName, lineNumber, "malformed note_key comment; write it as <!-- note_key: KEY --> with a key of letters, digits and '-', or delete the line to get a new key"));
                break;
            case MetadataKind.NoteType:
                (_typeName, _typeLine) = (value, lineNumber);
                break;
            case MetadataKind.Tags:
                _tags.Add(value);
                break;
        }
    }

    private void AcceptKey(string key, int lineNumber)
    {
        if (Key is not null)
            _errors.Add(new CollectionError(fileName, lineNumber, $"a second note_key comment in one note (first on line {KeyLine}); keep one"));
        else
            (Key, KeyLine) = (key, lineNumber);
    }

    private MarkdownNote? Build(int firstLine)
    {
        if (_fields.Count == 0)
        {
            _errors.Add(new CollectionError(fileName, firstLine, "this note has no field labels; start each field with a label such as Q: or T:"));
            return null;
        }
        NoteTypeDefinition? type;
        if (_typeName is not null)
        {
            type = types.Find(_typeName);
            if (type is null)
            {
                _errors.Add(new CollectionError(fileName, _typeLine, $"unknown note_type '{_typeName}'; known types: {string.Join(", ", types.Types.Select(t => t.Name))}"));
                return null;
            }
            foreach (FieldText field in _fields.Where(f => type.FieldByLabel(f.Label) is null))
                _errors.Add(new CollectionError(fileName, field.Line, $"{field.Label} is not a field of note type {type.Name}"));
        }
        else
        {
            string[] labels = new string[_fields.Count];
            for (int i = 0; i < labels.Length; i++)
                labels[i] = _fields[i].Label;
            type = types.Infer(labels, out string? reason);
            if (type is null)
                _errors.Add(new CollectionError(fileName, firstLine, reason!));
        }
        if (type is null || _errors.Count > 0)
            return null;

        Dictionary<string, string> values = new(type.Fields.Count, StringComparer.Ordinal);
        foreach (NoteFieldDefinition field in type.LabelledFields)
            values[field.Name] = "";
        foreach (FieldText field in _fields)
            values[type.FieldByLabel(field.Label)!.Name] = field.Value();
        foreach (string problem in NoteValidator.Validate(type, values))
            _errors.Add(new CollectionError(fileName, firstLine, problem));
        return _errors.Count > 0 ? null : new MarkdownNote(Key, type.Name, values, NoteTags.Normalize(_tags), firstLine);
    }

    private sealed class FieldText(string label, int line)
    {
        public string Label { get; } = label;

        public int Line { get; } = line;

        /// <summary>The lines of the value as slices of the file text, so that only the joined value is allocated.</summary>
        public List<ReadOnlyMemory<char>> Lines { get; } = [];

        /// <summary>The value without leading blank lines and trailing white space.</summary>
        public string Value()
        {
            int first = 0, last = Lines.Count;
            while (first < last && Lines[first].Span.IsWhiteSpace())
                first++;
            while (last > first && Lines[last - 1].Span.IsWhiteSpace())
                last--;
            if (first == last)
                return "";
            // The last kept line has content, so trimming its end trims the end of the joined value.
            ReadOnlyMemory<char> lastLine = Lines[last - 1].TrimEnd();
            int length = last - first - 1 + lastLine.Length;
            for (int i = first; i < last - 1; i++)
                length += Lines[i].Length;
            return string.Create(length, (Lines, first, last, lastLine), static (destination, state) =>
            {
                int at = 0;
                for (int i = state.first; i < state.last - 1; i++)
                {
                    state.Lines[i].Span.CopyTo(destination[at..]);
                    at += state.Lines[i].Length;
                    destination[at++] = '\n';
                }
                state.lastLine.Span.CopyTo(destination[at..]);
            });
        }
    }
}
