using AnkiMcp.Core.Markdown.NoteTypes;
using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>The terminal view of note types: one row per type, then which field and types each label stands for.</summary>
internal static class NoteTypeTables
{
    public static void Render(IAnsiConsole console, IReadOnlyList<NoteTypeDefinition> types)
    {
        Table byType = new Table().Title("Note types").AddColumns("Note type", "Identifying labels", "Other labels", "Anki-only fields", "Templates");
        foreach (NoteTypeDefinition type in types)
        {
            string name = type.Name + (type.IsCloze ? " (cloze)" : "") + (type.IsChoice ? " (choice)" : "");
            byType.AddRow(
                Cell(name),
                Cell(IdentifyingLabels(type)),
                Cell(Labels(type.LabelledFields.Where(f => !f.Identifying))),
                Cell(string.Join(", ", type.Fields.Where(f => f.Label is null).Select(f => f.Name))),
                Cell(string.Join(", ", type.Templates.Select(t => t.Name))));
        }
        console.Write(byType);

        Table byLabel = new Table().Title("Labels").AddColumns("Label", "Field", "Identifying", "Used by");
        foreach (IGrouping<string, (NoteTypeDefinition Type, NoteFieldDefinition Field)> label in types
            .SelectMany(t => t.LabelledFields.Select(f => (Type: t, Field: f)))
            .GroupBy(x => x.Field.Label!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            NoteFieldDefinition field = label.First().Field;
            byLabel.AddRow(Cell(label.Key), Cell(field.Name), Cell(field.Identifying ? "yes" : "no"), Cell(string.Join(", ", label.Select(x => x.Type.Name))));
        }
        console.Write(byLabel);
    }

    // A choice note needs its identifying non-choice labels and at least one choice, as the registry infers types.
    private static string IdentifyingLabels(NoteTypeDefinition type)
    {
        List<NoteFieldDefinition> identifying = [.. type.LabelledFields.Where(f => f.Identifying)];
        if (!type.IsChoice)
            return Labels(identifying);
        List<NoteFieldDefinition> choices = [.. identifying.Where(NoteTypeDefinition.IsChoiceField)];
        return $"{Labels(identifying.Except(choices))} + one of {choices[0].Label}…{choices[^1].Label}";
    }

    private static string Labels(IEnumerable<NoteFieldDefinition> fields) => string.Join(" ", fields.Select(f => f.Label));

    private static Text Cell(string text) => new(text);
}
