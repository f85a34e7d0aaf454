namespace AnkiMcp.Core.Proposals;

/// <summary>What a proposed card trains; each kind becomes the collection's note type with the kind's identifying labels
/// (AnkiMcp's own types by default; see <see cref="CardKindSchema.NoteTypeIn"/>).</summary>
public enum CardKind
{
    /// <summary>A question and its answer (note type AnkiMcpQA).</summary>
    Basic,

    /// <summary>A sentence or snippet with <c>{{c1::…}}</c> deletions (note type AnkiMcpCloze).</summary>
    Cloze,

    /// <summary>A question asking for a mechanism and its consequence chain (note type AnkiMcpWhy).</summary>
    Why,

    /// <summary>Broken code or reasoning, its fix and why it broke (note type AnkiMcpError).</summary>
    Error,
}
