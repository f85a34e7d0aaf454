using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Cli;

/// <summary>A note type as <c>note-types --json</c> prints it.</summary>
internal sealed record NoteTypeView(string Name, bool IsCloze, bool IsChoice, IReadOnlyList<NoteFieldDefinition> Fields, IReadOnlyList<string> Templates)
{
    public static NoteTypeView Of(NoteTypeDefinition type) =>
        new(type.Name, type.IsCloze, type.IsChoice, type.Fields, [.. type.Templates.Select(t => t.Name)]);
}
