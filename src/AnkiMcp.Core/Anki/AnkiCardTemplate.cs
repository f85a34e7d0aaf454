namespace AnkiMcp.Core.Anki;

/// <summary>A card template of a note type.</summary>
/// <param name="Name">The template name, e.g. <c>Card 1</c>.</param>
/// <param name="Front">The question side.</param>
/// <param name="Back">The answer side.</param>
public sealed record AnkiCardTemplate(string Name, string Front, string Back);
