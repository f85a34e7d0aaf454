using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>A note type from <c>note_types/</c> with the fields a sync carries between Markdown and Anki.</summary>
internal sealed class ManagedNoteType
{
    public ManagedNoteType(NoteTypeDefinition definition)
    {
        Definition = definition;
        SyncedFields = [.. definition.LabelledFields.Select(field => field.Name)];
    }

    public NoteTypeDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <summary>The labelled fields, in note-type order: those that exist on both sides.</summary>
    public IReadOnlyList<string> SyncedFields { get; }
}
