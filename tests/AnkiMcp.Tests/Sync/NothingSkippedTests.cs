using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Mcp;

namespace AnkiMcp.Tests.Sync;

/// <summary>Nothing is skipped without a word: notes of types outside note_types/ are counted and named, and content no
/// converter can take ends in a file:line message, never a stack trace.</summary>
public sealed class NothingSkippedTests
{
    [Fact]
    public async Task NotesOfUnmanagedTypes_AreCountedByType_WithHowToBringThemIn_AtNoExtraRequest()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", SyncWorld.QaDeck("What is ATP?"));
        world.Anki.AddNote("Default", "Basic", new Dictionary<string, string> { ["Front"] = "one", ["Back"] = "1" });
        world.Anki.AddNote("Default", "Basic", new Dictionary<string, string> { ["Front"] = "two", ["Back"] = "2" });
        world.Anki.AddNote("Default", "Cloze", new Dictionary<string, string> { ["Text"] = "{{c1::three}}" });
        await world.SyncAsync();
        await world.SyncAsync();
        world.Anki.ResetCounters();

        SyncReport quiet = await world.SyncAsync();
        int requests = world.Anki.HttpRequestCount;
        SyncReport pulled = await world.AnkiToMarkdownAsync();

        Assert.Equal(new Dictionary<string, int> { ["Basic"] = 2, ["Cloze"] = 1 }, quiet.UnmanagedNotes);
        Assert.Equal(quiet.UnmanagedNotes, pulled.UnmanagedNotes);
        Assert.InRange(requests, 1, 3);
        string text = AnkiMcp.Cli.SyncReportPrinter.ToPlainText(quiet);
        Assert.Contains("3 Anki notes of note types not in note_types/ (Basic: 2, Cloze: 1)", text, StringComparison.Ordinal);
        Assert.Contains("ankimcp note-types --add \"Basic\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentTheRendererCannotTake_EndsInAFileAndLine_NeverAStackTrace()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Biology.md", "Q: What is ATP?\nA: energy\n\n---\n\nQ: Hostile?\nA: " + new string('[', 100_000) + "\n");

        (int code, string output, string error) = await ServerLauncher.RunAsync(
            ["ma", "--collection", world.Dir, "--anki-url", world.Anki.Url.ToString()], "",
            new Dictionary<string, string?> { ["ANKI_CONNECT_URL"] = null, ["ANKI_CONNECT_KEY"] = null }, SyncWorld.Cancel);

        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error + output, StringComparison.Ordinal);
        if (code != 0)
            Assert.Contains("Biology.md:6", error, StringComparison.Ordinal);
    }
}
