using System.Runtime.InteropServices;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Parses the note blocks of one deck file (see <see cref="DeckFileParser"/>), with the line roles
/// <see cref="BlockScan"/> decided. One parser reads every block of the file in turn, so its lists are allocated once
/// per file, not once per note.</summary>
internal sealed class NoteBlockParser(DeckLines lines, NoteTypeRegistry types, IReadOnlyList<LineRole> roles, string fileName)
{
    private readonly List<FieldText> _fields = [];
    // The lines of every field of the note, field after field: a field's lines are added while it is the last one.
    private readonly List<ReadOnlyMemory<char>> _fieldLines = [];
    private readonly List<string> _labels = [];
    // The names of the labelled fields of each note type met in the file, shared by its notes.
    private readonly List<(NoteTypeDefinition Type, string[] Names)> _fieldNames = [];
    private readonly List<string> _tags = [];
    private readonly List<CollectionError> _errors = [];
    private string? _typeName;
    private int _typeLine;

    /// <summary>The key of the note last parsed, once parsed and well formed.</summary>
    public string? Key { get; private set; }

    /// <summary>1-based line of the key comment.</summary>
    public int KeyLine { get; private set; }

    /// <summary>Parses the block of lines [<paramref name="start"/>, <paramref name="end"/>); returns the note, or null
    /// after adding its errors to <paramref name="errors"/>.</summary>
    public MarkdownNote? Parse(int start, int end, List<CollectionError> errors)
    {
        _fields.Clear();
        _fieldLines.Clear();
        _tags.Clear();
        _errors.Clear();
        (_typeName, _typeLine, Key, KeyLine) = (null, 0, null, 0);
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
                    AddLine(lines.Memory(i));
                    break;
                case LineRole.EscapedContent:
                    AddLine(lines.Memory(i)[1..]);
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
        foreach (FieldText given in _fields)
        {
            if (given.Label == label)
            {
                _errors.Add(new CollectionError(fileName, lineNumber, $"field {label} is given twice in this note (first on line {given.Line}); merge them into one"));
                break;
            }
        }
        _fields.Add(new FieldText(label, lineNumber, _fieldLines.Count, 0));
        AddLine(line[labelLength..].TrimStart());
    }

    private void AddLine(ReadOnlyMemory<char> line)
    {
        _fieldLines.Add(line);
        CollectionsMarshal.AsSpan(_fields)[^1].LineCount++;
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
            foreach (FieldText field in _fields)
            {
                if (type.FieldByLabel(field.Label) is null)
                    _errors.Add(new CollectionError(fileName, field.Line, $"{field.Label} is not a field of note type {type.Name}"));
            }
        }
        else
        {
            _labels.Clear();
            foreach (FieldText field in _fields)
                _labels.Add(field.Label);
            type = types.Infer(_labels, out string? reason);
            if (type is null)
                _errors.Add(new CollectionError(fileName, firstLine, reason!));
        }
        if (type is null || _errors.Count > 0)
            return null;

        string[] names = LabelledFieldNames(type);
        string[] texts = new string[names.Length];
        Array.Fill(texts, "");
        foreach (FieldText field in _fields)
            texts[Array.IndexOf(names, type.FieldByLabel(field.Label)!.Name)] = Value(field);
        NoteFieldValues values = new(names, texts);
        foreach (string problem in NoteValidator.Validate(type, values))
            _errors.Add(new CollectionError(fileName, firstLine, problem));
        return _errors.Count > 0 ? null : new MarkdownNote(Key, type.Name, values, NoteTags.Normalize(_tags), firstLine);
    }

    private string[] LabelledFieldNames(NoteTypeDefinition type)
    {
        foreach ((NoteTypeDefinition known, string[] names) in _fieldNames)
        {
            if (ReferenceEquals(known, type))
                return names;
        }
        string[] labelled = [.. type.Fields.Where(field => field.Label is not null).Select(field => field.Name)];
        _fieldNames.Add((type, labelled));
        return labelled;
    }

    /// <summary>The value of a field (without leading blank lines and trailing white space) from its lines, which are
    /// slices of the file text, so that only the joined value is allocated.</summary>
    private string Value(FieldText field)
    {
        int first = field.FirstLine, last = field.FirstLine + field.LineCount;
        while (first < last && _fieldLines[first].Span.IsWhiteSpace())
            first++;
        while (last > first && _fieldLines[last - 1].Span.IsWhiteSpace())
            last--;
        if (first == last)
            return "";
        // The last kept line has content, so trimming its end trims the end of the joined value.
        ReadOnlyMemory<char> lastLine = _fieldLines[last - 1].TrimEnd();
        int length = last - first - 1 + lastLine.Length;
        for (int i = first; i < last - 1; i++)
            length += _fieldLines[i].Length;
        return string.Create(length, (_fieldLines, first, last, lastLine), static (destination, state) =>
        {
            int at = 0;
            for (int i = state.first; i < state.last - 1; i++)
            {
                state._fieldLines[i].Span.CopyTo(destination[at..]);
                at += state._fieldLines[i].Length;
                destination[at++] = '\n';
            }
            state.lastLine.Span.CopyTo(destination[at..]);
        });
    }

    /// <summary>A field of the note: its label, the 1-based line of the label and where its lines are in the list of
    /// the note's field lines.</summary>
    private record struct FieldText(string Label, int Line, int FirstLine, int LineCount);
}
