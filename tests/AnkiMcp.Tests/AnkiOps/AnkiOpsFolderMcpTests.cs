using System.Text.Json;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Mcp;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;
using Emulator = AnkiMcp.AnkiConnectEmulator.AnkiConnectEmulator;

namespace AnkiMcp.Tests.AnkiOps;

/// <summary>The MCP tools, unchanged, on a folder AnkiOps made: cards of each kind become the folder's note types.</summary>
public sealed class AnkiOpsFolderMcpTests : CollectionTest
{
    [Fact]
    public async Task TheLessonLoop_InAnAnkiOpsFolder_CreatesAnkiOpsNotes_AndInitAddsTheKindsAnkiOpsLacks()
    {
        await using Emulator anki = await Emulator.StartAsync();
        AnkiOpsFixture.WriteNoteTypes(Collection);
        File.WriteAllText(Path.Combine(Collection, "Programming__Rust.md"), "<!-- note_key: 0a1b2c3d4e5f -->\n<!-- note_type: AnkiOpsQA -->\nQ: What is a borrow?\nA: A reference.\n");
        await using McpClient client = await StartServerAsync(ankiUrl: anki.Url.ToString());

        JsonElement types = await client.CallAsync("list_note_types", Args(), Ct);
        Dictionary<string, string?> kindOf = types.GetProperty("note_types").EnumerateArray()
            .ToDictionary(type => type.GetProperty("name").GetString()!, type => type.TryGetProperty("card_kind", out JsonElement kind) ? kind.GetString() : null);
        Assert.Equal("basic", kindOf["AnkiOpsQA"]);
        Assert.Equal("cloze", kindOf["AnkiOpsCloze"]);
        Assert.Null(kindOf["AnkiOpsClozeHideAll"]);

        JsonElement proposed = await client.CallAsync("propose_cards", Args(("lesson", "Rust"), ("cards", new object[]
        {
            new { kind = "basic", deck = "Programming::Rust", question = "What does `&mut` give you?", answer = "An exclusive, mutable borrow." },
            new { kind = "cloze", deck = "Programming::Rust", text = "A Rust value has exactly one {{c1::owner}} at a time." },
            new { kind = "basic", deck = "Programming::Rust", question = "What is a borrow?", answer = "A reference." },
        })), Ct);
        JsonElement duplicate = Assert.Single(proposed.GetProperty("possible_duplicates").EnumerateArray());
        Assert.Equal((3, "Programming__Rust.md line 1"), (duplicate.GetProperty("number").GetInt32(), duplicate.GetProperty("where").GetString()));
        await client.CallAsync("approve_proposals", Args(("numbers", Numbers(1, 2))), Ct);
        await client.CallAsync("reject_proposals", Args(("numbers", Numbers(3)), ("reason", "already in the deck")), Ct);
        JsonElement created = await client.CallAsync("create_approved_cards", Args(), Ct);

        Assert.True(created.GetProperty("all_in_anki").GetBoolean(), created.GetRawText());
        Assert.Equal(["AnkiOpsQA", "AnkiOpsQA", "AnkiOpsCloze"],
            MarkdownCollection.Load(Collection).Decks.Single().Notes.Select(note => note.NoteTypeName));
        Assert.Equal(["AnkiOpsCloze", "AnkiOpsQA"], anki.Inspect(collection => collection.Notes.Select(note => note.Model.Name).Order(StringComparer.Ordinal).ToList()));
        Assert.False(Directory.Exists(Path.Combine(Collection, "note_types", "AnkiMcpQA")));

        Dictionary<string, object?> why = Args(("lesson", "Rust"), ("cards", new object[]
        {
            new { kind = "why", deck = "Programming::Rust", question = "Why does `let b = a;` move a String?", chain = "String owns heap memory → ownership moves" },
        }));
        string lacking = await client.CallFailingAsync("propose_cards", why, Ct);
        Assert.Contains("no note type for why cards", lacking, StringComparison.Ordinal);
        Assert.Contains("ankimcp init", lacking, StringComparison.Ordinal);

        await CollectionInitializer.InitializeAsync(Collection, tutorial: false, anki: null, Ct);
        await client.CallAsync("propose_cards", why, Ct);
        await client.CallAsync("approve_proposals", Args(("numbers", Numbers(1))), Ct);
        await client.CallAsync("create_approved_cards", Args(), Ct);

        Assert.Equal(["AnkiMcpWhy", "AnkiOpsCloze", "AnkiOpsQA"], anki.Inspect(collection => collection.Notes.Select(note => note.Model.Name).Order(StringComparer.Ordinal).ToList()));
        using AnkiConnectClient ankiClient = new(new AnkiConnectOptions(anki.Url));
        SyncReport report = await new SyncEngine(Collection, ankiClient).SyncAsync(new SyncOptions { DryRun = true }, Ct);
        // Only the note that was in the file before: it has never been synced.
        SyncChange change = Assert.Single(report.Plan.Changes);
        Assert.Equal(("0a1b2c3d4e5f", SyncChangeKind.Create, "AnkiOpsQA"), (change.NoteKey, change.Kind, change.NoteTypeName));
    }
}
