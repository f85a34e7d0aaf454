using System.Text;
using System.Text.Json.Nodes;
using AnkiMcp.AnkiConnectEmulator;

namespace AnkiMcp.Tests.Anki;

/// <summary>The emulator's bytes on the wire match the add-on's socket server.</summary>
public sealed class EmulatorWireTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<AnkiConnectEmulator.AnkiConnectEmulator> Start(EmulatorOptions? options = null) =>
        AnkiConnectEmulator.AnkiConnectEmulator.StartAsync(options);

    [Fact]
    public async Task Reply_HasTheAddOnsHeadersInOrder_NoConnectionHeader_AndTheServerCloses()
    {
        await using var anki = await Start();

        RawHttpResponse response = await RawHttp.PostAsync(anki.Url, """{"action": "version", "version": 6}""", Ct);

        Assert.Equal("HTTP/1.1 200 OK", response.StatusLine);
        Assert.Equal(
            ["Content-Type", "Access-Control-Allow-Origin", "Access-Control-Allow-Headers", "Content-Length"],
            response.Headers.Select(h => h.Key));
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("http://localhost", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal("*", response.Header("Access-Control-Allow-Headers"));
        Assert.Equal(response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("Content-Length"));
        Assert.Null(response.Header("Connection"));
        Assert.Equal("""{"result": 6, "error": null}""", response.BodyText);
    }

    [Fact]
    public async Task SecondRequestOnTheSameConnection_IsNeverAnswered()
    {
        await using var anki = await Start();
        byte[] one = Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nContent-Length: 20\r\n\r\n{\"action\":\"version\"}");
        byte[] both = [.. one, .. one];

        byte[] reply = await RawHttp.ExchangeAsync(anki.Url, both, Ct);

        string text = Encoding.ASCII.GetString(reply);
        Assert.Single(text.Split("HTTP/1.1 "), part => part.Length > 0);
        Assert.EndsWith("6", text, StringComparison.Ordinal);
        Assert.Equal(1, anki.HttpRequestCount);
    }

    [Fact]
    public async Task Options_IsAPreflightWithAnEmptyBody()
    {
        await using var anki = await Start();

        RawHttpResponse plain = await RawHttp.SendAsync(anki.Url, "OPTIONS", [], Ct, ("Origin", "http://localhost"));
        RawHttpResponse privateNetwork = await RawHttp.SendAsync(anki.Url, "OPTIONS", [], Ct, ("Access-Control-Request-Private-Network", "true"));

        Assert.Equal("HTTP/1.1 200 OK", plain.StatusLine);
        Assert.Empty(plain.Body);
        Assert.Equal("0", plain.Header("Content-Length"));
        Assert.Null(plain.Header("Access-Control-Allow-Private-Network"));
        Assert.Equal("true", privateNetwork.Header("Access-Control-Allow-Private-Network"));
        Assert.Empty(anki.ActionCounts);
    }

    [Theory]
    [InlineData("http://localhost", true)]
    [InlineData("http://127.0.0.1", true)]
    [InlineData("http://127.0.0.1:3000", true)]
    [InlineData("chrome-extension://abcdef", true)]
    [InlineData("moz-extension://abcdef", true)]
    [InlineData("http://localhost:3000", false)]
    [InlineData("https://evil.example", false)]
    public async Task Origin_IsCheckedLikeTheAddOn(string origin, bool allowed)
    {
        await using var anki = await Start();

        RawHttpResponse response = await RawHttp.PostAsync(anki.Url, """{"action": "deckNames", "version": 6}""", Ct, ("Origin", origin));

        if (allowed)
        {
            Assert.Equal("HTTP/1.1 200 OK", response.StatusLine);
            Assert.Equal(origin, response.Header("Access-Control-Allow-Origin"));
            Assert.Equal(1, anki.ActionCount("deckNames"));
        }
        else
        {
            Assert.Equal("HTTP/1.1 403 Forbidden", response.StatusLine);
            Assert.Equal(["Access-Control-Allow-Origin", "Access-Control-Allow-Headers"], response.Headers.Select(h => h.Key));
            Assert.Empty(response.Body);
            Assert.Equal(0, anki.ActionCount("deckNames"));
        }
    }

    [Fact]
    public async Task UntrustedOrigin_MayStillRequestPermission_AndATrustedListOfStarAllowsAll()
    {
        await using var strict = await Start();
        await using var open = await Start(new EmulatorOptions { CorsOriginList = ["*"] });

        RawHttpResponse asked = await RawHttp.PostAsync(strict.Url, """{"action": "requestPermission", "version": 6}""", Ct, ("Origin", "https://site.example"));
        RawHttpResponse anything = await RawHttp.PostAsync(open.Url, """{"action": "version", "version": 6}""", Ct, ("Origin", "https://site.example"));

        Assert.Equal("""{"result": {"permission": "denied"}, "error": null}""", asked.BodyText);
        Assert.Equal("https://site.example", asked.Header("Access-Control-Allow-Origin"));
        Assert.Equal("*", anything.Header("Access-Control-Allow-Origin"));
        Assert.Equal("""{"result": 6, "error": null}""", anything.BodyText);
    }

    [Fact]
    public async Task EmptyOrChunkedBody_GetsTheVersionBanner()
    {
        await using var anki = await Start();

        RawHttpResponse empty = await RawHttp.PostAsync(anki.Url, "", Ct);
        byte[] chunked = await RawHttp.ExchangeAsync(anki.Url, Encoding.ASCII.GetBytes(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n14\r\n{\"action\":\"version\"}\r\n0\r\n\r\n"), Ct);

        Assert.Equal("""{"apiVersion": "AnkiConnect v.6"}""", empty.BodyText);
        Assert.Equal("""{"apiVersion": "AnkiConnect v.6"}""", RawHttp.Parse(chunked).BodyText);
    }

    [Theory]
    [InlineData("{a", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)")]
    [InlineData("{\"action\": }", "Expecting value: line 1 column 12 (char 11)")]
    [InlineData("{\"action\": \"version\"} x", "Extra data: line 1 column 23 (char 22)")]
    [InlineData("{\"action\":\n\"version\"", "Expecting ',' delimiter: line 2 column 10 (char 20)")]
    [InlineData("[]", "[] is not of type 'object'")]
    [InlineData("1.2", "1.2 is not of type 'object'")]
    [InlineData("{}", "'action' is a required property")]
    [InlineData("{\"action\": 1}", "1 is not of type 'string'")]
    [InlineData("{\"action\": \"\"}", "'' should be non-empty")]
    [InlineData("{\"action\": \"version\", \"version\": \"6\"}", "'6' is not of type 'integer'")]
    [InlineData("{\"action\": \"version\", \"params\": []}", "[] is not of type 'object'")]
    public async Task MalformedRequest_GetsPythonsErrorText(string body, string firstLine)
    {
        await using var anki = await Start();

        RawHttpResponse response = await RawHttp.PostAsync(anki.Url, body, Ct);

        Assert.Equal("HTTP/1.1 200 OK", response.StatusLine);
        JsonNode reply = JsonNode.Parse(response.Body)!;
        Assert.Null(reply["result"]);
        Assert.Equal(firstLine, reply["error"]!.GetValue<string>().Split('\n')[0]);
    }

    [Fact]
    public async Task NonUtf8Body_GetsTheCodecError_AndFromAnUntrustedOrigin403()
    {
        await using var anki = await Start();
        byte[] bad = [0x7b, 0xff, 0xfe];

        RawHttpResponse trusted = await RawHttp.SendAsync(anki.Url, "POST", bad, Ct);
        RawHttpResponse untrusted = await RawHttp.SendAsync(anki.Url, "POST", bad, Ct, ("Origin", "https://evil.example"));

        Assert.Equal("""{"result": null, "error": "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"}""", trusted.BodyText);
        Assert.Equal("HTTP/1.1 403 Forbidden", untrusted.StatusLine);
    }

    [Fact]
    public async Task Replies_AreWrittenLikePythonsJsonDumps()
    {
        await using var anki = await Start();
        anki.CreateDeck("Español \"quoted\"");

        RawHttpResponse response = await RawHttp.PostAsync(anki.Url, """{"action": "deckNames", "version": 6}""", Ct);

        Assert.Equal("""{"result": ["Default", "Espa\u00f1ol \"quoted\""], "error": null}""", response.BodyText);
    }

    [Fact]
    public async Task Version4_IsBareOnSuccess_ButErrorsAreAlwaysEnveloped()
    {
        await using var anki = await Start();

        RawHttpResponse bare = await RawHttp.PostAsync(anki.Url, """{"action": "deckNamesAndIds"}""", Ct);
        RawHttpResponse failed = await RawHttp.PostAsync(anki.Url, """{"action": "modelFieldNames", "params": {"modelName": "X"}}""", Ct);

        Assert.Equal("""{"Default": 1}""", bare.BodyText);
        Assert.Equal("""{"result": null, "error": "model was not found: X"}""", failed.BodyText);
    }

    [Theory]
    [InlineData("""{"action": "modelFieldNames", "version": 6}""", "modelFieldNames() missing 1 required positional argument: 'modelName'")]
    [InlineData("""{"action": "modelFieldRename", "version": 6, "params": {"modelName": "Basic"}}""", "modelFieldRename() missing 2 required positional arguments: 'oldFieldName' and 'newFieldName'")]
    [InlineData("""{"action": "deckNames", "version": 6, "params": {"x": 1}}""", "deckNames() got an unexpected keyword argument 'x'")]
    [InlineData("""{"action": "nope", "version": 6}""", "unsupported action")]
    public async Task BadParameters_GetPythonsTypeErrorText(string body, string error)
    {
        await using var anki = await Start();

        RawHttpResponse response = await RawHttp.PostAsync(anki.Url, body, Ct);

        Assert.Equal(error, JsonNode.Parse(response.Body)!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiKey_IsCheckedFirst_EvenForUnknownActions_AndPerSubActionInMulti()
    {
        await using var anki = await Start(new EmulatorOptions { ApiKey = "k" });

        RawHttpResponse unknown = await RawHttp.PostAsync(anki.Url, """{"action": "nope", "version": 6}""", Ct);
        RawHttpResponse permission = await RawHttp.PostAsync(anki.Url, """{"action": "requestPermission", "version": 6}""", Ct);
        RawHttpResponse multi = await RawHttp.PostAsync(anki.Url,
            """{"action": "multi", "version": 6, "key": "k", "params": {"actions": [{"action": "version", "version": 6}, {"action": "version", "version": 6, "key": "k"}]}}""", Ct);

        Assert.Equal("""{"result": null, "error": "valid api key must be provided"}""", unknown.BodyText);
        Assert.Equal("""{"result": {"permission": "granted", "requireApikey": true, "version": 6}, "error": null}""", permission.BodyText);
        Assert.Equal("""{"result": [{"result": null, "error": "valid api key must be provided"}, {"result": 6, "error": null}], "error": null}""", multi.BodyText);
    }

    [Fact]
    public async Task Counters_CountRequestsAndActionsInsideMulti_AndReset()
    {
        await using var anki = await Start();

        await RawHttp.PostAsync(anki.Url, """{"action": "multi", "version": 6, "params": {"actions": [{"action": "version"}, {"action": "version"}, {"action": "deckNames"}]}}""", Ct);
        await RawHttp.PostAsync(anki.Url, """{"action": "version", "version": 6}""", Ct);

        Assert.Equal(2, anki.HttpRequestCount);
        Assert.Equal(3, anki.ActionCount("version"));
        Assert.Equal(1, anki.ActionCount("multi"));
        Assert.Equal(1, anki.ActionCount("deckNames"));
        anki.ResetCounters();
        Assert.Equal(0, anki.HttpRequestCount);
        Assert.Empty(anki.ActionCounts);
    }

    [Fact]
    public async Task DropOnRequest_ClosesThatConnectionWithoutAByte_AndServesTheNext()
    {
        await using var anki = await Start();
        anki.DropConnectionOnRequest(2);
        byte[] version = Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nContent-Length: 20\r\n\r\n{\"action\":\"version\"}");

        byte[] first = await RawHttp.ExchangeAsync(anki.Url, version, Ct);
        byte[] second = await RawHttp.ExchangeAsync(anki.Url, version, Ct);
        byte[] third = await RawHttp.ExchangeAsync(anki.Url, version, Ct);

        Assert.NotEmpty(first);
        Assert.Empty(second);
        Assert.Equal("6", RawHttp.Parse(third).BodyText);
        Assert.Equal(2, anki.ActionCount("version"));
    }
}
