using System.Text.RegularExpressions;
using AnkiMcp.AnkiConnectEmulator;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Markdown;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Sync;

/// <summary>
/// One end-to-end sync scenario: a collection folder with the default note types (git and state included once a sync
/// ran), its own AnkiConnect emulator over real HTTP, and a sync engine between them.
/// </summary>
internal sealed partial class SyncWorld : IAsyncDisposable
{
    private readonly TempCollection _folder;

    private SyncWorld(TempCollection folder, Emulator anki)
    {
        _folder = folder;
        Anki = anki;
        Client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url) { Timeout = TimeSpan.FromSeconds(20) });
        Engine = new SyncEngine(folder.Dir, Client);
    }

    public Emulator Anki { get; }

    public AnkiConnectClient Client { get; }

    public SyncEngine Engine { get; }

    public string Dir => _folder.Dir;

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<SyncWorld> StartAsync(EmulatorOptions? options = null) => new(new TempCollection(), await Emulator.StartAsync(options));

    public string Path(params string[] parts) => System.IO.Path.Combine([Dir, .. parts]);

    public void Write(string file, string text) => File.WriteAllText(Path(file), text);

    public string Read(string file) => File.ReadAllText(Path(file));

    public Task<SyncReport> MarkdownToAnkiAsync(SyncOptions? options = null) => Engine.MarkdownToAnkiAsync(options ?? new SyncOptions(), Cancel);

    public Task<SyncReport> AnkiToMarkdownAsync(SyncOptions? options = null) => Engine.AnkiToMarkdownAsync(options ?? new SyncOptions(), Cancel);

    public Task<SyncReport> SyncAsync(SyncOptions? options = null) => Engine.SyncAsync(options ?? new SyncOptions(), Cancel);

    /// <summary>Every note of a managed (AnkiMcp*) type in Anki: id, type, deck of the first card, fields by name.</summary>
    public IReadOnlyList<AnkiSideNote> ManagedNotes() => Anki.Inspect(collection => collection.Notes
        .Where(note => note.Model.Name.StartsWith("AnkiMcp", StringComparison.Ordinal))
        .OrderBy(note => note.Id)
        .Select(note => new AnkiSideNote(
            note.Id,
            note.Model.Name,
            note.Cards.OrderBy(card => card.Ord).First().Deck.Name,
            note.Model.Fields.ToDictionary(field => field, field => note[field]),
            [.. note.Tags]))
        .ToList());

    public AnkiSideNote NoteWithKey(string key) => Assert.Single(ManagedNotes(), note => note.Fields[NoteTypeDefinition.KeyFieldName] == key);

    public AnkiSideNote NoteWithQuestion(string question) => Assert.Single(ManagedNotes(), note => note.Fields.GetValueOrDefault("Question") == question);

    /// <summary>The note keys of a deck file, in file order.</summary>
    public IReadOnlyList<string> KeysIn(string file) => [.. KeyComment().Matches(Read(file)).Select(match => match.Groups[1].Value)];

    /// <summary>A QA deck file text: one note per question, answer "A: answer to &lt;question&gt;".</summary>
    public static string QaDeck(params string[] questions) =>
        string.Join("\n---\n\n", questions.Select(question => $"Q: {question}\nA: answer to {question}\n\n")).TrimEnd('\n') + "\n";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Anki.DisposeAsync();
        _folder.Dispose();
    }

    [GeneratedRegex(@"<!-- note_key: ([A-Za-z0-9-]+) -->")]
    private static partial Regex KeyComment();
}
