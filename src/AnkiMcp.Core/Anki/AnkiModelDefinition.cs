namespace AnkiMcp.Core.Anki;

/// <summary>A note type to create with <c>createModel</c>.</summary>
/// <param name="Name">The note type's name.</param>
/// <param name="Fields">The field names in order; the first is the sort field and the duplicate key.</param>
/// <param name="Templates">The card templates in order (a cloze type uses only the first).</param>
/// <param name="Css">The styling shared by all templates.</param>
/// <param name="IsCloze">Whether cards come from cloze numbers rather than templates.</param>
public sealed record AnkiModelDefinition(
    string Name,
    IReadOnlyList<string> Fields,
    IReadOnlyList<AnkiCardTemplate> Templates,
    string Css,
    bool IsCloze);
