using AnkiMcp.Core.Anki;

namespace AnkiMcp.Tests.Anki;

/// <summary>A fresh emulator and a client pointed at it, for one test.</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    private EmulatorFixture(AnkiConnectEmulator.AnkiConnectEmulator anki)
    {
        Anki = anki;
        Client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));
    }

    public AnkiConnectEmulator.AnkiConnectEmulator Anki { get; }

    public AnkiConnectClient Client { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<EmulatorFixture> StartAsync(AnkiConnectEmulator.EmulatorOptions? options = null) =>
        new(await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync(options));

    public static AnkiNewNote Note(string model, string deck, IReadOnlyDictionary<string, string> fields, params string[] tags) =>
        new(deck, model, fields, tags);

    public static AnkiNewNote Basic(string front, string back = "back", string deck = "Default", params string[] tags) =>
        new(deck, "Basic", new Dictionary<string, string> { ["Front"] = front, ["Back"] = back }, tags);

    public static AnkiNewNote Cloze(string text, string extra = "", string deck = "Default") =>
        new(deck, "Cloze", new Dictionary<string, string> { ["Text"] = text, ["Back Extra"] = extra }, []);

    public async Task<AnkiNoteInfo> NoteAsync(long id) => Assert.Single(await Client.NotesInfoAsync([id], Ct));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Anki.DisposeAsync();
    }
}
