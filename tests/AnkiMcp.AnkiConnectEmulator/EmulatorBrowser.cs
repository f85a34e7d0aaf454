namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>
/// Anki's Browser window as AnkiConnect meets it. A search selects the first row unless rows already selected are still
/// found; the editor below the table holds its own copy of the current card's note. AnkiConnect writes notes past the
/// GUI, so an update of the note in the editor changes nothing the user or a reader sees, and when the editor lets the
/// note go (another row, the window closed) it saves its copy back (FooSoft/anki-connect #82).
/// </summary>
internal sealed class EmulatorBrowser
{
    private readonly List<long> _rows = [];
    private readonly List<long> _selected = [];
    private (long NoteId, List<string> Values, List<string> Tags)? _editor;

    public bool IsOpen { get; private set; }

    /// <summary>The note shown in the editor, if any.</summary>
    public long? EditorNoteId => _editor?.NoteId;

    /// <summary><c>guiBrowse</c>: opens (or raises) the window and, with a query, searches.</summary>
    public void Search(EmulatorCollection collection, IReadOnlyList<long>? foundCards)
    {
        IsOpen = true;
        if (foundCards is null)
            return;
        _rows.Clear();
        _rows.AddRange(foundCards);
        _selected.RemoveAll(card => !_rows.Contains(card));
        if (_selected.Count == 0 && _rows.Count > 0)
            _selected.Add(_rows[0]);
        ShowCurrent(collection);
    }

    /// <summary><c>guiSelectCard</c>: false when the window is closed; a card not in the table leaves nothing selected.</summary>
    public bool Select(EmulatorCollection collection, long card)
    {
        if (!IsOpen)
            return false;
        _selected.Clear();
        if (_rows.Contains(card))
            _selected.Add(card);
        ShowCurrent(collection);
        return true;
    }

    /// <summary><c>guiSelectedNotes</c>: the notes of the selected rows, none when the window is closed.</summary>
    public IReadOnlyList<long> SelectedNotes(EmulatorCollection collection) => IsOpen
        ? [.. _selected.Select(collection.FindCard).OfType<EmulatorCard>().Select(card => card.Note.Id).Distinct()]
        : [];

    /// <summary>The user closes the window: the editor saves its copy first.</summary>
    public void Close(EmulatorCollection collection)
    {
        SaveEditor(collection);
        IsOpen = false;
        _rows.Clear();
        _selected.Clear();
    }

    private void ShowCurrent(EmulatorCollection collection)
    {
        EmulatorNote? current = _selected.Count > 0 ? collection.FindCard(_selected[0])?.Note : null;
        if (current?.Id == _editor?.NoteId)
            return;
        SaveEditor(collection);
        if (current is not null)
            _editor = (current.Id, [.. current.Values], [.. current.Tags]);
    }

    // Anki saves the editor's note when it differs from the stored one; an unchanged note keeps its mod time.
    private void SaveEditor(EmulatorCollection collection)
    {
        if (_editor is not { } copy)
            return;
        _editor = null;
        if (collection.FindNote(copy.NoteId) is not EmulatorNote note)
            return;
        collection.SetValues(note, copy.Values.Select((value, index) => (value, index)).ToDictionary(pair => pair.index, pair => pair.value));
        collection.SetTags(note, copy.Tags);
    }
}
