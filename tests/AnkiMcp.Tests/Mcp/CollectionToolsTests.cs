using System.Text.Json;
using AnkiMcp.AnkiConnectEmulator;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Mcp;

public sealed class CollectionToolsTests : CollectionTest
{
    [Fact]
    public async Task WithAnkiRunning_StatusDecksAndNotesComeFromAnki()
    {
        await using Emulator anki = await Emulator.StartAsync(new EmulatorOptions { Profiles = ["Lea"] });
        anki.AddNote("Programming::Rust", "Basic", new Dictionary<string, string> { ["Front"] = "What is a <b>slice</b>?", ["Back"] = "A view" }, ["rust"]);
        anki.AddNote("Languages::French", "Basic", new Dictionary<string, string> { ["Front"] = "chat", ["Back"] = "cat" });
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());
        await client.CallAsync("propose_cards", Rust(), Ct);

        JsonElement status = await client.CallAsync("status", Args(), Ct);
        JsonElement decks = await client.CallAsync("list_decks", Args(), Ct);
        JsonElement found = await client.CallAsync("find_notes", Args(("query", "deck:Programming::Rust")), Ct);

        Assert.True(status.GetProperty("anki_reachable").GetBoolean());
        Assert.Equal("Lea", status.GetProperty("anki_profile").GetString());
        Assert.Equal(4, status.GetProperty("proposals").GetProperty("pending").GetInt32());
        Assert.Equal("conversation", status.GetProperty("approval_policy").GetString());
        string[] deckNames = [.. decks.GetProperty("decks").EnumerateArray().Select(d => d.GetString()!)];
        Assert.Contains("Programming::Rust", deckNames);
        Assert.Contains("Languages::French", deckNames);
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        JsonElement note = found.GetProperty("notes")[0];
        Assert.Equal(("Basic", "What is a <b>slice</b>?"), (note.GetProperty("note_type").GetString(), note.GetProperty("fields").GetProperty("Front").GetString()));
    }

    [Fact]
    public async Task WithAnkiDown_StatusSaysWhatToDoAndFindNotesFailsReadably()
    {
        await using McpClient client = await StartServerAsync();

        JsonElement status = await client.CallAsync("status", Args(), Ct);
        JsonElement decks = await client.CallAsync("list_decks", Args(), Ct);
        string error = await client.CallFailingAsync("find_notes", Args(("query", "tag:rust")), Ct);
        string badLimit = await client.CallFailingAsync("find_notes", Args(("query", "tag:rust"), ("limit", 0)), Ct);

        Assert.False(status.GetProperty("anki_reachable").GetBoolean());
        Assert.Contains("2055492159", status.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.False(decks.GetProperty("anki_reachable").GetBoolean());
        Assert.Contains("Anki is not reachable", error, StringComparison.Ordinal);
        Assert.Contains("limit must be between 1 and 100", badLimit, StringComparison.Ordinal);
    }
}
