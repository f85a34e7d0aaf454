using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Proposals;

/// <summary>What a card kind asks of a note type, and the fields it has, required ones first. A collection's note type
/// for a kind is the one whose identifying labels are exactly <see cref="IdentifyingLabels"/> (see
/// <see cref="NoteTypeIn"/>): in a new collection AnkiMcp's own type (<see cref="NoteTypeName"/>), in an AnkiOps folder
/// AnkiOps' QA and cloze types.</summary>
public sealed record CardKindSchema(CardKind Kind, string NoteTypeName, IReadOnlyList<string> IdentifyingLabels, IReadOnlyList<string> FieldNames, IReadOnlyList<string> RequiredFields)
{
    /// <summary>The basic question/answer kind.</summary>
    public static readonly CardKindSchema Basic = new(CardKind.Basic, "AnkiMcpQA", ["Q:", "A:"], ["Question", "Answer", "Extra"], ["Question", "Answer"]);

    /// <summary>The cloze kind.</summary>
    public static readonly CardKindSchema Cloze = new(CardKind.Cloze, "AnkiMcpCloze", ["T:"], ["Text", "Extra"], ["Text"]);

    /// <summary>The why (mechanism) kind.</summary>
    public static readonly CardKindSchema Why = new(CardKind.Why, "AnkiMcpWhy", ["Q:", "CHAIN:"], ["Question", "Chain", "Extra"], ["Question", "Chain"]);

    /// <summary>The error (debugging) kind.</summary>
    public static readonly CardKindSchema Error = new(CardKind.Error, "AnkiMcpError", ["BROKEN:", "FIX:", "WHY:"], ["Broken", "Fix", "Why", "Extra"], ["Broken", "Fix", "Why"]);

    /// <summary>The field whose text identifies the note (Anki's duplicate check uses it too).</summary>
    public string FirstField => FieldNames[0];

    /// <summary>The schema of a kind.</summary>
    public static CardKindSchema For(CardKind kind) => kind switch
    {
        CardKind.Basic => Basic,
        CardKind.Cloze => Cloze,
        CardKind.Why => Why,
        CardKind.Error => Error,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown card kind."),
    };

    /// <summary>The collection's note type for this kind: the one whose identifying labels are exactly
    /// <see cref="IdentifyingLabels"/>, with every field of <see cref="FieldNames"/>, a cloze type for cloze cards and a
    /// plain (neither cloze nor choice) type for the others; null when the collection has none. No two note types of a
    /// collection share their identifying labels, so there is never more than one.</summary>
    public NoteTypeDefinition? NoteTypeIn(NoteTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (NoteTypeDefinition type in types.Types)
        {
            List<string> identifying = [.. type.LabelledFields.Where(field => field.Identifying).Select(field => field.Label!)];
            if (type.IsCloze == (Kind == CardKind.Cloze) && !type.IsChoice
                && identifying.Count == IdentifyingLabels.Count && IdentifyingLabels.All(identifying.Contains)
                && FieldNames.All(name => type.Fields.Any(field => field.Name == name && field.Label is not null)))
            {
                return type;
            }
        }
        return null;
    }

    /// <summary>What a collection lacking this kind's note type is told.</summary>
    public string MissingNoteType =>
        $"The collection has no note type for {Kind.ToString().ToLowerInvariant()} cards: one whose identifying labels are exactly {string.Join(" ", IdentifyingLabels)} "
        + $"and whose fields include {string.Join(", ", FieldNames)}. Run `ankimcp init` to add {NoteTypeName}.";
}
