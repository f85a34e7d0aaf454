using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static AnkiMcp.Tests.Mcp.LessonCards;

namespace AnkiMcp.Tests.Mcp;

public sealed class CollectionAwarenessTests : CollectionTest
{
    private const string RustDeck = """
        <!-- note_key: 0123456789ab -->
        Q: What does `&mut` give you?
        A: An exclusive borrow.

        ---

        <!-- note_key: 0123456789ac -->
        T: Rust frees memory when the {{c1::owner}} goes out of scope.
        """;

    [Fact]
    public async Task FirstRun_InAnEmptyFolder_CreatesTheCollectionWithDefaultNoteTypes()
    {
        string fresh = Path.Combine(Collection, "new collection");
        await using McpClient client = await StartServerAsync(collection: fresh);

        JsonElement types = await client.CallAsync("list_note_types", Args(), Ct);

        Dictionary<string, string?> kinds = types.GetProperty("note_types").EnumerateArray()
            .ToDictionary(type => type.GetProperty("name").GetString()!, type => type.TryGetProperty("card_kind", out JsonElement kind) ? kind.GetString() : null);
        Assert.Equal("basic", kinds["AnkiMcpQA"]);
        Assert.Equal("cloze", kinds["AnkiMcpCloze"]);
        Assert.Equal("why", kinds["AnkiMcpWhy"]);
        Assert.Equal("error", kinds["AnkiMcpError"]);
        Assert.Null(kinds["AnkiMcpChoice"]);
        Assert.False(types.GetProperty("anki_reachable").GetBoolean());
        Assert.True(File.Exists(Path.Combine(fresh, "note_types", "AnkiMcpWhy", "note_type.yaml")));
    }

    [Fact]
    public async Task Propose_FlagsDuplicatesOfMarkdownNotes()
    {
        await using (McpClient first = await StartServerAsync())
        {
            await first.CallAsync("status", Args(), Ct);
        }

        await File.WriteAllTextAsync(Path.Combine(Collection, "Programming__Rust.md"), RustDeck, Ct);
        await using McpClient client = await StartServerAsync();

        JsonElement proposed = await client.CallAsync("propose_cards", Args(("lesson", "again"), ("cards", new object[]
        {
            new { kind = "basic", deck = "Programming::Rust", question = "What does **`&mut`** give you?", answer = "Exclusive access." },
            new { kind = "cloze", deck = "Programming::Rust", text = "Rust frees memory when the {{c1::owner}} goes out of scope" },
            new { kind = "why", deck = "Programming::Rust", question = "What does `&mut` give you?", chain = "a → b → c" },
        })), Ct);

        Dictionary<int, string> duplicates = proposed.GetProperty("possible_duplicates").EnumerateArray()
            .ToDictionary(d => d.GetProperty("number").GetInt32(), d => d.GetProperty("where").GetString()!);
        Assert.Equal([1, 2], duplicates.Keys.Order());
        Assert.Equal("Programming__Rust.md line 1", duplicates[1]);
        Assert.Equal("Programming__Rust.md line 7", duplicates[2]);
    }

    [Fact]
    public async Task DeckFiles_AreListedAndReadableAsResources()
    {
        await using (McpClient first = await StartServerAsync())
        {
            await first.CallAsync("status", Args(), Ct);
        }

        await File.WriteAllTextAsync(Path.Combine(Collection, "Programming__Rust.md"), RustDeck, Ct);
        await using McpClient client = await StartServerAsync();

        JsonElement decks = await client.CallAsync("list_decks", Args(), Ct);
        ReadResourceResult index = await client.ReadResourceAsync("ankimcp://decks", cancellationToken: Ct);
        ReadResourceResult deck = await client.ReadResourceAsync("ankimcp://decks/Programming::Rust", cancellationToken: Ct);
        McpException missing = await Assert.ThrowsAnyAsync<McpException>(() => client.ReadResourceAsync("ankimcp://decks/Nope", cancellationToken: Ct).AsTask());

        Assert.Equal(["Programming::Rust"], decks.GetProperty("markdown_decks").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("\"file\":\"Programming__Rust.md\"", Assert.IsType<TextResourceContents>(Assert.Single(index.Contents)).Text, StringComparison.Ordinal);
        Assert.Equal(RustDeck, Assert.IsType<TextResourceContents>(Assert.Single(deck.Contents)).Text);
        Assert.Contains("no deck 'Nope'", missing.Message, StringComparison.Ordinal);
    }
}
