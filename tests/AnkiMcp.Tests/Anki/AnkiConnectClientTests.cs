using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AnkiMcp.AnkiConnectEmulator;
using AnkiMcp.Core.Anki;

namespace AnkiMcp.Tests.Anki;

public sealed class AnkiConnectClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AnkiNewNote Basic(string front, string back = "b", string deck = "Default", params string[] tags) =>
        new(deck, "Basic", new Dictionary<string, string> { ["Front"] = front, ["Back"] = back }, tags);

    [Fact]
    public async Task FreshProfile_HasDefaultDeckAndStockNoteTypes()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));

        Assert.Equal(6, await client.VersionAsync(Ct));
        Assert.Equal("User 1", await client.GetActiveProfileAsync(Ct));
        Assert.Equal(new Dictionary<string, long> { ["Default"] = 1 }, await client.DeckNamesAndIdsAsync(Ct));
        IReadOnlyList<string> models = await client.ModelNamesAsync(Ct);
        Assert.Contains("Basic", models);
        Assert.Contains("Cloze", models);
        Assert.Equal(["Text", "Back Extra"], await client.ModelFieldNamesAsync("Cloze", Ct));
    }

    [Fact]
    public async Task AddedNote_ReadsBackWithFieldsInOrderTagsSortedAndOneCard()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));
        await client.CreateDeckAsync("Lang::Spanish", Ct);

        long id = await client.AddNoteAsync(Basic("hola", "hello", "Lang::Spanish", "zeta", "Alpha"), Ct);

        AnkiNoteInfo note = Assert.Single(await client.NotesInfoAsync([id], Ct));
        Assert.Equal(id, note.NoteId);
        Assert.Equal("Basic", note.ModelName);
        Assert.Equal(["Alpha", "zeta"], note.Tags);
        Assert.Equal([new AnkiFieldValue("Front", "hola", 0), new AnkiFieldValue("Back", "hello", 1)], note.Fields);
        Assert.NotNull(note.Mod);
        AnkiCardInfo card = Assert.Single(await client.CardsInfoAsync(note.Cards, Ct));
        Assert.Equal("Lang::Spanish", card.DeckName);
        Assert.Equal(id, card.NoteId);
        Assert.Equal([id], await client.FindNotesAsync("deck:Lang", Ct));
    }

    [Fact]
    public async Task Multi_ReportsEachActionsErrorWithoutFailingTheBatch()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));

        IReadOnlyList<AnkiActionResult> results = await client.MultiAsync(
        [
            new AnkiAction("deckNames"),
            new AnkiAction("modelFieldNames", new { modelName = "Nope" }),
            new AnkiAction("createDeck", new { deck = "After" }),
        ], Ct);

        Assert.Equal(3, results.Count);
        Assert.True(results[0].IsSuccess);
        Assert.Equal("Default", results[0].Result[0].GetString());
        Assert.Equal("model was not found: Nope", results[1].Error);
        AnkiConnectException error = Assert.Throws<AnkiConnectException>(() => results[1].GetResultOrThrow());
        Assert.Equal("modelFieldNames", error.Action);
        Assert.True(results[2].IsSuccess);
        Assert.NotNull(anki.Collection.FindDeck("After"));
        Assert.Equal(1, anki.HttpRequestCount);
        Assert.Equal(1, anki.ActionCount("createDeck"));
    }

    [Fact]
    public async Task AddNotes_AllOrNothing_AddsNoneAndListsEveryFailure()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));

        AnkiAddNotesResult result = await client.AddNotesAsync(
            [Basic("one"), Basic("one"), new AnkiNewNote("Default", "NoSuchType", new Dictionary<string, string>(), []), Basic("it's")], Ct);

        Assert.False(result.AllAdded);
        Assert.Equal([null, null, null, null], result.NoteIds);
        Assert.Equal(["cannot create note because it is a duplicate", "model was not found: NoSuchType"], result.Errors);
        Assert.Empty(anki.Collection.Notes);
    }

    [Fact]
    public async Task AddNotes_LegacyBuild_AddsWhatItCanAndMarksTheRestNull()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync(new EmulatorOptions { LegacyAddNotes = true });
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));

        AnkiAddNotesResult result = await client.AddNotesAsync([Basic("foo"), Basic("foo"), Basic("bar")], Ct);

        Assert.False(result.AllAdded);
        Assert.NotNull(result.NoteIds[0]);
        Assert.Null(result.NoteIds[1]);
        Assert.NotNull(result.NoteIds[2]);
        Assert.Equal(2, anki.Collection.Notes.Count);
    }

    [Fact]
    public async Task NothingListening_ThrowsUnavailableWithAdvice()
    {
        int port = FreePort();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(new Uri($"http://127.0.0.1:{port}")));

        AnkiUnavailableException e = await Assert.ThrowsAsync<AnkiUnavailableException>(() => client.VersionAsync(Ct));

        Assert.Contains("Start Anki", e.Message, StringComparison.Ordinal);
        Assert.Contains("2055492159", e.Message, StringComparison.Ordinal);
        Assert.Contains("ANKI_CONNECT_URL", e.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionDroppedMidRequest_ThrowsUnavailable_AndNextCallWorks()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));
        anki.DropConnectionOnAction("deckNames");

        AnkiUnavailableException e = await Assert.ThrowsAsync<AnkiUnavailableException>(() => client.DeckNamesAsync(Ct));

        Assert.Contains("deckNames", e.Message, StringComparison.Ordinal);
        Assert.Contains("Anki is still running", e.Message, StringComparison.Ordinal);
        Assert.Equal(["Default"], await client.DeckNamesAsync(Ct));
    }

    [Fact]
    public async Task AnkiGoneMidBatch_EarlierSubActionsStay_LaterCallsAreRefused()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));
        anki.DropConnectionOnAction("createDeck", occurrence: 2, thenRefuseConnections: true);

        await Assert.ThrowsAsync<AnkiUnavailableException>(() => client.MultiAsync(
            [new AnkiAction("createDeck", new { deck = "First" }), new AnkiAction("createDeck", new { deck = "Second" })], Ct));

        Assert.NotNull(anki.Collection.FindDeck("First"));
        Assert.Null(anki.Collection.FindDeck("Second"));
        AnkiUnavailableException refused = await Assert.ThrowsAsync<AnkiUnavailableException>(() => client.VersionAsync(Ct));
        Assert.Contains("Start Anki", refused.Message, StringComparison.Ordinal);
        anki.AcceptConnections();
        Assert.Equal(6, await client.VersionAsync(Ct));
    }

    [Fact]
    public async Task MissingKey_SaysToSetAnkiConnectKey_AndTheRightKeyWorksEverywhere()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync(new EmulatorOptions { ApiKey = "s3cret" });
        using var withoutKey = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));
        using var wrongKey = new AnkiConnectClient(new AnkiConnectOptions(anki.Url, "nope"));
        using var rightKey = new AnkiConnectClient(new AnkiConnectOptions(anki.Url, "s3cret"));

        AnkiConnectException missing = await Assert.ThrowsAsync<AnkiConnectException>(() => withoutKey.DeckNamesAsync(Ct));
        AnkiConnectException wrong = await Assert.ThrowsAsync<AnkiConnectException>(() => wrongKey.DeckNamesAsync(Ct));

        Assert.StartsWith("AnkiConnect requires an API key: set ANKI_CONNECT_KEY", missing.Message, StringComparison.Ordinal);
        Assert.Equal("valid api key must be provided", missing.AnkiError);
        Assert.Contains("rejected the API key", wrong.Message, StringComparison.Ordinal);
        Assert.Equal(["Default"], await rightKey.DeckNamesAsync(Ct));
        IReadOnlyList<AnkiActionResult> batch = await rightKey.MultiAsync([new AnkiAction("version"), new AnkiAction("deckNames")], Ct);
        Assert.All(batch, r => Assert.True(r.IsSuccess, r.Error));
    }

    [Fact]
    public async Task Forbidden_SaysTheOriginIsNotTrusted()
    {
        using var server = new OneShotHttpServer(
            "HTTP/1.1 403 Forbidden\r\nAccess-Control-Allow-Origin: http://localhost\r\nAccess-Control-Allow-Headers: *\r\n\r\n", Ct);
        using var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url));

        AnkiConnectException e = await Assert.ThrowsAsync<AnkiConnectException>(() => client.VersionAsync(Ct));

        Assert.Contains("origin is not trusted", e.Message, StringComparison.Ordinal);
        Assert.Contains("webCorsOriginList", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_HasAContentLength_ConnectionClose_TheKey_AndVersion6()
    {
        using var server = new OneShotHttpServer(OneShotHttpServer.Ok("""{"result": ["Default"], "error": null}"""), Ct);
        using var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url, "k"));

        await client.DeckNamesAsync(Ct);

        string request = await server.Request;
        string[] head = request[..request.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        string body = request[(request.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.StartsWith("POST / HTTP/1.1", head[0], StringComparison.Ordinal);
        Assert.Contains(head, h => h.Equals($"Content-Length: {Encoding.UTF8.GetByteCount(body)}", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(head, h => h.Equals("Connection: close", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(head, h => h.StartsWith("Transfer-Encoding", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(head, h => h.StartsWith("Origin", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("""{"action":"deckNames","version":6,"key":"k"}""", body);
    }

    [Fact]
    public async Task Multi_AcceptsBareResultsBesideEnvelopes()
    {
        using var server = new OneShotHttpServer(OneShotHttpServer.Ok(
            """{"result": [["Default"], {"result": 6, "error": null}, {"result": null, "error": "unsupported action"}, null], "error": null}"""), Ct);
        using var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url, "k"));

        IReadOnlyList<AnkiActionResult> results = await client.MultiAsync(
            [new AnkiAction("deckNames"), new AnkiAction("version"), new AnkiAction("nope"), new AnkiAction("sync")], Ct);

        Assert.Equal("Default", results[0].Result[0].GetString());
        Assert.Equal(6, results[1].Result.GetInt32());
        Assert.Equal("unsupported action", results[2].Error);
        Assert.True(results[3].IsSuccess);
        string body = (await server.Request).Split("\r\n\r\n")[1];
        Assert.Equal(
            """{"action":"multi","version":6,"params":{"actions":[{"action":"deckNames","version":6,"key":"k"},{"action":"version","version":6,"key":"k"},{"action":"nope","version":6,"key":"k"},{"action":"sync","version":6,"key":"k"}]},"key":"k"}""",
            body);
    }

    [Fact]
    public async Task SlowAnki_TimesOutWithAdviceAboutOpenDialogs()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        anki.SetReplyDelay(TimeSpan.FromMinutes(1));
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url) { Timeout = TimeSpan.FromMilliseconds(200) });

        AnkiUnavailableException e = await Assert.ThrowsAsync<AnkiUnavailableException>(() => client.VersionAsync(Ct));

        Assert.Contains("did not answer version", e.Message, StringComparison.Ordinal);
        Assert.Contains("dialog", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", "HTTP 404", "--anki-url")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 400\r\n\r\n{\"result\": 6, ", "broke during version", "14 of its 400 bytes")]
    public async Task NotAnkiConnectsAnswer_SaysWhatHappenedAndWhatToCheck(string reply, string happened, string detail)
    {
        using var server = new OneShotHttpServer(reply, Ct);
        using var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url));

        AnkiUnavailableException e = await Assert.ThrowsAsync<AnkiUnavailableException>(() => client.VersionAsync(Ct));

        Assert.Contains(happened, e.Message, StringComparison.Ordinal);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelCalls_AreServedOneAtATime_AndNoneIsLost()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));

        long[] ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.AddNoteAsync(Basic($"note {i}"), Ct)));

        Assert.Equal(40, ids.Distinct().Count());
        Assert.Equal(40, anki.Collection.Notes.Count);
        Assert.Equal(40, anki.HttpRequestCount);
        Assert.Equal(40, anki.ActionCount("addNote"));
    }

    [Fact]
    public async Task AChunkedReply_IsReadWhole()
    {
        using var server = new OneShotHttpServer(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "10\r\n{\"result\": [\"Def\r\n11;note=split\r\nault\"], \"error\": \r\n5\r\nnull}\r\n0\r\n\r\n", Ct);
        using var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url));

        Assert.Equal(["Default"], await client.DeckNamesAsync(Ct));
    }

    [Fact]
    public async Task AServerThatKeepsTheConnectionOpen_IsReadToItsContentLength_NotToTheTimeout()
    {
        using var server = new OneShotHttpServer(OneShotHttpServer.Ok("""{"result": 6, "error": null}"""), Ct, holdOpen: TimeSpan.FromMinutes(1));
        using var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url) { Timeout = TimeSpan.FromSeconds(20) });

        Assert.Equal(6, await client.VersionAsync(Ct));
    }

    // Past the first read buffer: one with its declared length (read into a buffer of that size), one read to the close.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AReplyOfSeveralHundredKB_IsReadWhole(bool declaresItsLength)
    {
        string[] names = [.. Enumerable.Range(0, 20_000).Select(i => $"Deck {i} é")];
        string json = JsonSerializer.Serialize(new { result = names, error = (string?)null });
        using var server = new OneShotHttpServer(
            declaresItsLength ? OneShotHttpServer.Ok(json) : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + json, Ct);
        using var client = new AnkiConnectClient(new AnkiConnectOptions(server.Url));

        Assert.Equal(names, await client.DeckNamesAsync(Ct));
    }

    // Request bodies are written into pooled buffers: a large one grows past its first buffer, and a small one sent
    // after it in a reused larger buffer carries only its own bytes.
    [Fact]
    public async Task ALargeRequest_ThenASmallOne_EachArriveWhole()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));
        string large = string.Concat(Enumerable.Repeat("<b>é😀</b> \"q\" ", 30_000));

        long first = await client.AddNoteAsync(Basic(large, "big"), Ct);
        long second = await client.AddNoteAsync(Basic("small", "b"), Ct);

        IReadOnlyList<AnkiNoteInfo> notes = await client.NotesInfoAsync([first, second], Ct);
        Assert.Equal([large, "small"], notes.Select(note => note.GetField("Front")));
    }

    [Fact]
    public async Task AHostName_IsResolved()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        using var client = new AnkiConnectClient(new AnkiConnectOptions(new Uri($"http://localhost:{anki.Url.Port}")));

        Assert.Equal(6, await client.VersionAsync(Ct));
    }

    [Fact]
    public async Task ACancelledCall_IsCancelled_AndTheNextCallWorks()
    {
        await using var anki = await AnkiConnectEmulator.AnkiConnectEmulator.StartAsync();
        anki.SetReplyDelay(TimeSpan.FromSeconds(5));
        using var client = new AnkiConnectClient(new AnkiConnectOptions(anki.Url));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.VersionAsync(cancel.Token));

        anki.SetReplyDelay(TimeSpan.Zero);
        Assert.Equal(6, await client.VersionAsync(Ct));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
