namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>A note type managed by the collection, read from <c>note_types/&lt;Name&gt;/note_type.yaml</c>.
/// <see cref="Name"/> is the Anki model name. <see cref="Fields"/> are in Anki field order and do not include
/// <see cref="KeyFieldName"/>, which every managed type has in Anki as its last field.</summary>
public sealed record NoteTypeDefinition(
    string Name,
    IReadOnlyList<NoteFieldDefinition> Fields,
    bool IsCloze,
    bool IsChoice,
    IReadOnlyList<NoteTemplateDefinition> Templates,
    string Css)
{
    /// <summary>The hidden Anki field holding the note key (AnkiOps' name, so identity survives losing the state DB).</summary>
    public const string KeyFieldName = "AnkiOps Key";

    /// <summary>All Anki field names in order, ending with <see cref="KeyFieldName"/>.</summary>
    public IReadOnlyList<string> AnkiFieldNames => [.. Fields.Select(f => f.Name), KeyFieldName];

    /// <summary>The fields that are written in Markdown (those with a label), in order.</summary>
    public IEnumerable<NoteFieldDefinition> LabelledFields => Fields.Where(f => f.Label is not null);

    /// <summary>The field written with <paramref name="label"/>, or null.</summary>
    public NoteFieldDefinition? FieldByLabel(string label)
    {
        // A loop by index (foreach over the interface would allocate an enumerator): the parser asks this for every
        // field of every note.
        for (int i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Label == label)
                return Fields[i];
        }
        return null;
    }

    /// <summary>Whether a field takes part in multiple-choice rules (its name mentions "choice", as in AnkiOps).</summary>
    public static bool IsChoiceField(NoteFieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Name.Contains("choice", StringComparison.OrdinalIgnoreCase);
    }
}
