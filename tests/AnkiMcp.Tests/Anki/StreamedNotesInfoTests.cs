using System.Text;
using System.Text.Json;
using AnkiMcp.Core.Anki;

namespace AnkiMcp.Tests.Anki;

/// <summary>notesInfo is read straight from the reply's bytes; whatever it reads must be what the document reader reads.</summary>
public sealed class StreamedNotesInfoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmulatorsReply_WithEscapesUnicodeEmptyFieldsAndAnUnknownId_ReadsAsTheDocumentReaderReadsIt()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));
        AnkiAddNotesResult added = await client.AddNotesAsync([
            Basic("say \"hi\" \\ back<br>\n\ttab", "", "Ünïcödé", "日本語"),
            Basic("e\u0301 😀 </script> \u2028", "<img src=\"a.png\">", "tag"),
            Basic(new string('x', 300), "plain"),
        ], Ct);
        long[] ids = [.. added.NoteIds.Select(id => id!.Value), 1];

        byte[] reply = (await RawHttp.PostAsync(anki.Url, $$$"""{"action": "notesInfo", "version": 6, "params": {"notes": [{{{string.Join(", ", ids)}}}]}}""", Ct)).Body;

        List<AnkiNoteInfo> streamed = ReadStreamed(reply);
        Assert.Equal(3, streamed.Count);
        Assert.Equal(Shown(ReadAsDocument(reply)), Shown(streamed));
        Assert.Equal(Shown(streamed), Shown(await client.NotesInfoAsync(ids, Ct)));
        // The note type and field names are decoded once for all notes.
        Assert.Same(streamed[0].ModelName, streamed[1].ModelName);
        Assert.Same(streamed[0].Fields[1].Name, streamed[2].Fields[1].Name);
    }

    [Theory]
    // Properties in another order, unknown ones (nested too), fields listed out of order, no mod, escaped names and text.
    [InlineData("""[{"fields": {"B": {"order": 1, "value": "b\"\\\u00e9"}, "A": {"value": "a", "order": 0, "extra": [1, {"x": null}]}}, "cards": [7, 8], "tags": ["t\u00e9", "t\u00e9"], "profile": "User 1", "modelName": "M\u00fc", "note\u0049d": 5}]""")]
    [InlineData("""[{}, {"noteId": 5, "modelName": "M", "tags": [], "fields": {}, "mod": null, "cards": []}, {"unknown": {"noteId": 1}}]""")]
    [InlineData("""[{"noteId": 5, "modelName": null, "tags": [null], "fields": {"F": {"value": null, "order": 0}}, "mod": "12"}]""")]
    [InlineData("""[{"noteId": 5, "modelName": "M", "tags": ["a"], "fields": {"F": {"value": "x", "order": 0}, "F": {"value": "y", "order": 1}}, "mod": 12, "cards": [1]}]""")]
    [InlineData("""[]""")]
    public void OddShapes_ReadAsTheDocumentReaderReadsThem(string result)
    {
        byte[] reply = Encoding.UTF8.GetBytes($$"""{"result": {{result}}, "error": null}""");

        Assert.Equal(Shown(ReadAsDocument(reply)), Shown(ReadStreamed(reply)));
    }

    [Fact]
    public void LongNames_AreReadWhole()
    {
        string name = string.Concat(Enumerable.Repeat("ü", 200));
        byte[] reply = Encoding.UTF8.GetBytes($$$$"""{"error": null, "result": [{"noteId": 5, "modelName": "{{{{name}}}}", "tags": ["{{{{name}}}}"], "fields": {"{{{{name}}}}": {"value": "v", "order": 0}}}]}""");

        AnkiNoteInfo note = Assert.Single(ReadStreamed(reply));

        Assert.Equal(name, note.ModelName);
        Assert.Equal([name], note.Tags);
        Assert.Equal(name, note.Fields[0].Name);
    }

    [Fact]
    public void AValueReadAsExpected_IsTheExpectedString_AndAnyOtherValueIsReadAsItIs()
    {
        Dictionary<long, IReadOnlyDictionary<string, string>> sent = new()
        {
            [5] = new Dictionary<string, string> { ["Front"] = "say \"hi\" é", ["Back"] = "sent back" },
        };
        byte[] reply = Encoding.UTF8.GetBytes("""
            {"result": [{"noteId": 5, "modelName": "Basic", "tags": [], "fields": {"Front": {"value": "say \"hi\" \u00e9", "order": 0},
              "Back": {"value": "kept by Anki", "order": 1}}},
             {"noteId": 6, "modelName": "Basic", "tags": [], "fields": {"Front": {"value": "say \"hi\" é", "order": 0}}}], "error": null}
            """);
        NotesInfoReply streamed = new(id => sent.GetValueOrDefault(id));

        Assert.True(AnkiMultiReply.TryReadSingle(reply, streamed.Read));

        Assert.Same(sent[5]["Front"], streamed.Notes[0].GetField("Front"));
        Assert.Equal("kept by Anki", streamed.Notes[0].GetField("Back"));
        Assert.Equal("say \"hi\" é", streamed.Notes[1].GetField("Front"));
        Assert.NotSame(sent[5]["Front"], streamed.Notes[1].GetField("Front"));
        Assert.Equal(Shown(ReadAsDocument(reply)), Shown(streamed.Notes));
    }

    // Shapes the document reader refuses, or reads in its own way, are left to it.
    [Theory]
    [InlineData("""{"result": [null], "error": null}""")]
    [InlineData("""{"result": [{"noteId": "5", "modelName": "M", "tags": [], "fields": {}}], "error": null}""")]
    [InlineData("""{"result": [{"noteId": 5, "tags": [], "fields": {}}], "error": null}""")]
    [InlineData("""{"result": [{"noteId": 5, "modelName": "M", "tags": [1], "fields": {}}], "error": null}""")]
    [InlineData("""{"result": [{"noteId": 5, "modelName": "M", "tags": [], "fields": {"F": {"value": "x", "order": 1.5}}}], "error": null}""")]
    [InlineData("""{"result": [{"noteId": 5, "modelName": "M", "tags": [], "fields": {"F": {"order": 0}}}], "error": null}""")]
    [InlineData("""{"result": [{"noteId": 5, "noteId": 6, "modelName": "M", "tags": [], "fields": {}}], "error": null}""")]
    [InlineData("""{"result": [{"noteId": 5, "modelName": "M", "tags": [], "fields": {}, "mod": 1.5}], "error": null}""")]
    [InlineData("""{"result": [{"noteId": 5, "modelName": "M", "tags": [], "fields": {}, "cards": null}], "error": null}""")]
    [InlineData("""{"result": null, "error": "collection is not available"}""")]
    [InlineData("""{"result": [], "error": null} trailing""")]
    [InlineData("""[{"noteId": 5, "modelName": "M", "tags": [], "fields": {}}]""")]
    public void OtherShapes_AreDeclined(string reply) =>
        Assert.False(AnkiMultiReply.TryReadSingle(Encoding.UTF8.GetBytes(reply), new NotesInfoReply().Read));

    [Fact]
    public async Task ADeclinedReply_IsReadAsADocument_ErrorsIncluded()
    {
        using (var server = new OneShotHttpServer(OneShotHttpServer.Ok("""[{"noteId": 5, "modelName": "M", "tags": ["t"], "fields": {"F": {"value": "v", "order": 0}}}]"""), Ct))
        using (var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url)))
        {
            AnkiNoteInfo note = Assert.Single(await client.NotesInfoAsync([5], Ct));
            Assert.Equal((5L, "M", "v"), (note.NoteId, note.ModelName, note.GetField("F")));
        }
        using (var server = new OneShotHttpServer(OneShotHttpServer.Ok("""{"result": [{"noteId": 5, "tags": [], "fields": {}}], "error": null}"""), Ct))
        using (var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url)))
        {
            AnkiConnectException e = await Assert.ThrowsAsync<AnkiConnectException>(() => client.NotesInfoAsync([5], Ct));
            Assert.Contains("does not understand", e.Message, StringComparison.Ordinal);
        }
        using (var server = new OneShotHttpServer(OneShotHttpServer.Ok("""{"result": null, "error": "invalid search: deck:("}"""), Ct))
        using (var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url)))
        {
            AnkiConnectException e = await Assert.ThrowsAsync<AnkiConnectException>(() => client.NotesInfoAsync("deck:x", Ct));
            Assert.Contains("invalid search: deck:(", e.Message, StringComparison.Ordinal);
        }
    }

    private static AnkiNewNote Basic(string front, string back, params string[] tags) =>
        new("Default", "Basic", new Dictionary<string, string> { ["Front"] = front, ["Back"] = back }, tags);

    private static List<AnkiNoteInfo> ReadStreamed(byte[] reply)
    {
        NotesInfoReply streamed = new();
        Assert.True(AnkiMultiReply.TryReadSingle(reply, streamed.Read));
        return streamed.Notes;
    }

    private static List<AnkiNoteInfo> ReadAsDocument(byte[] reply)
    {
        using JsonDocument document = JsonDocument.Parse(reply);
        return AnkiReply.Notes(document.RootElement.GetProperty("result"u8));
    }

    // Records hold their lists by reference: compare what they hold.
    private static string Shown(IEnumerable<AnkiNoteInfo> notes) => JsonSerializer.Serialize(notes);
}
