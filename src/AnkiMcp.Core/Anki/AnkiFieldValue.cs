namespace AnkiMcp.Core.Anki;

/// <summary>One field of a note as Anki stores it.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Value">The raw stored HTML.</param>
/// <param name="Order">The field's 0-based position in its note type.</param>
public sealed record AnkiFieldValue(string Name, string Value, int Order);
