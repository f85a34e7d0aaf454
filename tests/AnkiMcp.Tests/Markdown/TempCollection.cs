using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Tests.Markdown;

/// <summary>A collection folder in a fresh temp directory with the default note types, deleted on dispose.</summary>
internal sealed class TempCollection : IDisposable
{
    private readonly TempFolder _folder = new();

    public TempCollection(bool withDefaults = true)
    {
        if (withDefaults)
            DefaultNoteTypes.WriteTo(Dir);
    }

    public string Dir => _folder.Path;

    public NoteTypeRegistry Types => NoteTypeRegistry.Load(Dir);

    public string Write(string fileName, string text)
    {
        string path = Path.Combine(Dir, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public DeckFile Parse(string text, string fileName = "Deck.md") => DeckFileParser.Load(Write(fileName, text), Types);

    public void Dispose() => _folder.Dispose();
}
