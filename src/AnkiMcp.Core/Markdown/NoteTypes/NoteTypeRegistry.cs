using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>The note types of a collection and the rules that tie labels to them: a label means the same field name and
/// identifying flag in every type, and no two types share the same set of identifying labels, so the labels of a note
/// pick at most one type.</summary>
public sealed class NoteTypeRegistry
{
    private readonly Dictionary<string, NoteTypeDefinition> _byName;
    private readonly Dictionary<string, NoteFieldDefinition> _byLabel;

    // Notes share a handful of label sets, so inference results are kept by label set.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (NoteTypeDefinition? Type, string? Error)> _inferred = new(StringComparer.Ordinal);

    private NoteTypeRegistry(IReadOnlyList<NoteTypeDefinition> types)
    {
        Types = types;
        _byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _byLabel = new Dictionary<string, NoteFieldDefinition>(StringComparer.Ordinal);
        foreach (NoteFieldDefinition field in types.SelectMany(t => t.LabelledFields))
            _byLabel.TryAdd(field.Label!, field);
    }

    /// <summary>The note types, sorted by name.</summary>
    public IReadOnlyList<NoteTypeDefinition> Types { get; }

    /// <summary>Reads and validates <c>note_types/*/note_type.yaml</c> under <paramref name="collectionDir"/>.
    /// <paramref name="namePrefix"/> goes before every type name and every file named in an error (a collab source's
    /// <c>collab/owner/repo/</c>).</summary>
    /// <exception cref="CollectionFormatException">A note type is invalid or two types clash; each error names the file.</exception>
    public static NoteTypeRegistry Load(string collectionDir, string namePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(namePrefix);
        (List<NoteTypeSource> sources, List<CollectionError> errors) = NoteTypeLoader.LoadAll(collectionDir);
        if (namePrefix.Length > 0)
        {
            sources = [.. sources.Select(s => s with { Definition = s.Definition with { Name = namePrefix + s.Definition.Name }, File = namePrefix + s.File })];
            errors = [.. errors.Select(e => e with { File = namePrefix + e.File })];
        }
        errors.AddRange(Validate(sources));
        if (errors.Count > 0)
            throw new CollectionFormatException(errors);
        return new NoteTypeRegistry([.. sources.Select(s => s.Definition).OrderBy(t => t.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Builds a registry from definitions held in memory, with the same validation as <see cref="Load"/>.</summary>
    public static NoteTypeRegistry Create(IEnumerable<NoteTypeDefinition> types)
    {
        List<NoteTypeSource> sources = [.. types.Select(t => new NoteTypeSource(t, $"note_types/{t.Name}/note_type.yaml", new Dictionary<string, int>()))];
        List<CollectionError> errors = Validate(sources);
        if (errors.Count > 0)
            throw new CollectionFormatException(errors);
        return new NoteTypeRegistry([.. sources.Select(s => s.Definition).OrderBy(t => t.Name, StringComparer.Ordinal)]);
    }

    /// <summary>The type called <paramref name="name"/> (the Anki model name), or null.</summary>
    public NoteTypeDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Whether <paramref name="label"/> (e.g. <c>Q:</c>) belongs to any type.</summary>
    public bool IsLabel(ReadOnlySpan<char> label) => _byLabel.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(label);

    /// <summary>The registry's own string for <paramref name="label"/>, so parsed notes share it; null when no type uses it.</summary>
    internal string? KnownLabel(ReadOnlySpan<char> label) =>
        _byLabel.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(label, out string? known, out _) ? known : null;

    /// <summary>The field a label stands for in every type that uses it, or null.</summary>
    public NoteFieldDefinition? FieldForLabel(string label) => _byLabel.GetValueOrDefault(label);

    /// <summary>Picks the note type from the labels a note uses (AnkiOps' rules): a candidate has every used label and
    /// every identifying label, except that a choice type needs its identifying non-choice labels and at least one
    /// choice label. Returns the type, or null with the reason in <paramref name="error"/>.</summary>
    public NoteTypeDefinition? Infer(IReadOnlyList<string> labels, out string? error)
    {
        ArgumentNullException.ThrowIfNull(labels);
        // The parser asks this for every note, nearly always with a set of labels seen before: the key is looked up
        // without allocating it.
        int length = labels.Count - 1;
        for (int i = 0; i < labels.Count; i++)
            length += labels[i].Length;
        Span<char> key = length <= 256 ? stackalloc char[Math.Max(length, 0)] : new char[length];
        int at = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            if (i > 0)
                key[at++] = ' ';
            labels[i].CopyTo(key[at..]);
            at += labels[i].Length;
        }
        if (!_inferred.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out (NoteTypeDefinition? Type, string? Error) inferred))
            inferred = _inferred.GetOrAdd(key.ToString(), static (_, state) => state.Registry.InferUncached(state.Labels), (Registry: this, Labels: labels));
        error = inferred.Error;
        return inferred.Type;
    }

    private (NoteTypeDefinition? Type, string? Error) InferUncached(IReadOnlyCollection<string> labels)
    {
        List<NoteTypeDefinition> candidates = [.. Types.Where(t => Matches(t, labels))];
        if (candidates.Count == 1)
            return (candidates[0], null);
        string used = string.Join(" ", labels);
        string error = candidates.Count == 0
            ? $"no note type has exactly the labels {used}; check the labels or add <!-- note_type: NAME --> (known types: {string.Join(", ", Types.Select(t => $"{t.Name} [{string.Join(" ", t.LabelledFields.Where(f => f.Identifying).Select(f => f.Label))}]"))})"
            : $"the labels {used} fit several note types ({string.Join(", ", candidates.Select(t => t.Name))}); add <!-- note_type: NAME --> to choose one";
        return (null, error);
    }

    private static bool Matches(NoteTypeDefinition type, IReadOnlyCollection<string> labels)
    {
        foreach (string label in labels)
        {
            if (type.FieldByLabel(label) is null)
                return false;
        }
        bool anyChoice = false;
        foreach (NoteFieldDefinition field in type.LabelledFields)
        {
            bool present = labels.Contains(field.Label!);
            if (type.IsChoice && NoteTypeDefinition.IsChoiceField(field))
                anyChoice |= present;
            else if (field.Identifying && !present)
                return false;
        }
        return !type.IsChoice || anyChoice;
    }

    private static List<CollectionError> Validate(List<NoteTypeSource> sources)
    {
        List<CollectionError> errors = [];
        Dictionary<string, (NoteFieldDefinition Field, NoteTypeSource Source)> labels = new(StringComparer.Ordinal);
        Dictionary<string, NoteTypeSource> identifyingSets = new(StringComparer.Ordinal);
        foreach (NoteTypeSource source in sources)
        {
            NoteTypeDefinition type = source.Definition;
            void Error(string? fieldName, string message) =>
                errors.Add(new CollectionError(source.File, fieldName is not null && source.FieldLines.TryGetValue(fieldName, out int line) ? line : 1, message));

            HashSet<string> names = new(StringComparer.Ordinal);
            HashSet<string> typeLabels = new(StringComparer.Ordinal);
            foreach (NoteFieldDefinition field in type.Fields)
            {
                if (string.IsNullOrWhiteSpace(field.Name))
                    Error(null, $"note type {type.Name}: a field has no name");
                else if (!names.Add(field.Name))
                    Error(field.Name, $"note type {type.Name}: field '{field.Name}' is listed twice");
                if (field.Name == NoteTypeDefinition.KeyFieldName)
                    Error(field.Name, $"note type {type.Name}: '{NoteTypeDefinition.KeyFieldName}' is reserved for the note key and added automatically; remove it from the list");
                if (field.Label is null)
                {
                    if (field.Identifying)
                        Error(field.Name, $"note type {type.Name}: field '{field.Name}' has no label, so it cannot be identifying");
                    continue;
                }
                if (!FieldLabel.IsValid(field.Label))
                {
                    Error(field.Name, $"note type {type.Name}: label '{field.Label}' of field '{field.Name}' is not a valid label; use a letter, then letters, digits, '_' or '-', then ':' (e.g. \"Q:\")");
                    continue;
                }
                if (!typeLabels.Add(field.Label))
                    Error(field.Name, $"note type {type.Name}: label {field.Label} is used by two fields");
                if (labels.TryGetValue(field.Label, out var seen) && seen.Source != source)
                {
                    if (seen.Field.Name != field.Name || seen.Field.Identifying != field.Identifying)
                        Error(field.Name, $"label {field.Label} means field '{field.Name}' (identifying: {Flag(field.Identifying)}) in {type.Name} but '{seen.Field.Name}' (identifying: {Flag(seen.Field.Identifying)}) in {seen.Source.Definition.Name} ({seen.Source.File}); a label must mean the same field everywhere");
                }
                else
                {
                    labels.TryAdd(field.Label, (field, source));
                }
            }

            List<NoteFieldDefinition> identifying = [.. type.LabelledFields.Where(f => f.Identifying)];
            if (identifying.Count == 0)
                Error(null, $"note type {type.Name}: no identifying field; mark at least one labelled field 'identifying: true'");
            if (type.IsChoice && (!identifying.Any(NoteTypeDefinition.IsChoiceField) || identifying.All(NoteTypeDefinition.IsChoiceField)))
                Error(null, $"note type {type.Name}: is_choice needs an identifying field whose name contains 'choice' and an identifying field that is not a choice");
            if (type.Templates.Count == 0)
                Error(null, $"note type {type.Name}: no card templates; add Front.template.anki and Back.template.anki or a 'templates' list");

            string identifyingKey = string.Join(" ", identifying.Select(f => f.Label).Order(StringComparer.Ordinal));
            if (identifying.Count > 0 && !identifyingSets.TryAdd(identifyingKey, source))
            {
                NoteTypeSource other = identifyingSets[identifyingKey];
                Error(null, $"note types {other.Definition.Name} ({other.File}) and {type.Name} have the same identifying labels ({identifyingKey}); notes could not tell them apart — change the labels of one of them");
            }
        }
        return errors;
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
