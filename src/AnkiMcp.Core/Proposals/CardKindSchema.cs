namespace AnkiMcp.Core.Proposals;

/// <summary>The note type a card kind becomes and the fields it has, required ones first.</summary>
public sealed record CardKindSchema(CardKind Kind, string NoteTypeName, IReadOnlyList<string> FieldNames, IReadOnlyList<string> RequiredFields)
{
    /// <summary>The basic question/answer kind.</summary>
    public static readonly CardKindSchema Basic = new(CardKind.Basic, "AnkiMcpQA", ["Question", "Answer", "Extra"], ["Question", "Answer"]);

    /// <summary>The cloze kind.</summary>
    public static readonly CardKindSchema Cloze = new(CardKind.Cloze, "AnkiMcpCloze", ["Text", "Extra"], ["Text"]);

    /// <summary>The why (mechanism) kind.</summary>
    public static readonly CardKindSchema Why = new(CardKind.Why, "AnkiMcpWhy", ["Question", "Chain", "Extra"], ["Question", "Chain"]);

    /// <summary>The error (debugging) kind.</summary>
    public static readonly CardKindSchema Error = new(CardKind.Error, "AnkiMcpError", ["Broken", "Fix", "Why", "Extra"], ["Broken", "Fix", "Why"]);

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
}
