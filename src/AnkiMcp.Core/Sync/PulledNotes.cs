namespace AnkiMcp.Core.Sync;

/// <summary>Anki notes converted to Markdown once per run, shared by the media planner and the Markdown writer.</summary>
internal sealed class PulledNotes(IReadOnlyDictionary<string, ManagedNoteType> types)
{
    private readonly Dictionary<long, IReadOnlyDictionary<string, string>> _converted = [];

    public IReadOnlyDictionary<string, string> MarkdownFields(RemoteNote note)
    {
        if (!_converted.TryGetValue(note.NoteId, out IReadOnlyDictionary<string, string>? fields))
            _converted[note.NoteId] = fields = NoteConverter.ToMarkdownFields(note, types[note.NoteTypeName]);
        return fields;
    }

    /// <summary>Whether this decision writes the Anki version of the note into Markdown.</summary>
    public static bool WritesAnkiVersion(NoteDecision decision) =>
        decision.Has(SyncChangeKind.Create, SyncSide.Markdown) || decision.Has(SyncChangeKind.Update, SyncSide.Markdown);
}
