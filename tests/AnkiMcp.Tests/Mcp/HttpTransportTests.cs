using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Tests.Cli;
using ModelContextProtocol.Client;
using static AnkiMcp.Tests.Mcp.LessonCards;

namespace AnkiMcp.Tests.Mcp;

public sealed class HttpTransportTests : CollectionTest
{
    private const string Initialize = """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}
        """;

    [Fact]
    public async Task ProposalLoop_WorksOverHttpWithTheToken()
    {
        await using HttpTestServer server = await HttpTestServer.StartInProcessAsync(Collection, cancellationToken: Ct);
        await using McpClient client = await server.ConnectAsync(cancellationToken: Ct);

        JsonElement proposed = await client.CallAsync("propose_cards", Rust(), Ct);
        await client.CallAsync("approve_proposals", Args(("numbers", Numbers(2, 3))), Ct);
        await client.CallAsync("reject_proposals", Args(("all", true), ("reason", "not now")), Ct);

        long batch = proposed.GetProperty("proposal").GetProperty("batch_id").GetInt64();
        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.Equal([ProposalState.Rejected, ProposalState.Approved, ProposalState.Approved, ProposalState.Rejected],
            (await store.ListAsync(batch, cancellationToken: Ct)).Select(card => card.State));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    public async Task Elicitation_WorksOverHttpInBothProtocolEras(string? protocolVersion)
    {
        await using HttpTestServer server = await HttpTestServer.StartInProcessAsync(Collection, "elicit", cancellationToken: Ct);
        List<string> shown = [];
        McpClientOptions options = ElicitationApprovalTests.AnsweringWith(true, shown);
        options.ProtocolVersion = protocolVersion;
        await using McpClient client = await server.ConnectAsync(options, Ct);
        await client.CallAsync("propose_cards", Rust(), Ct);

        JsonElement approved = await client.CallAsync("approve_proposals", Args(("all", true)), Ct);

        Assert.Equal([1, 2, 3, 4], approved.GetProperty("numbers").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Single(shown);
    }

    [Fact]
    public async Task Requests_WithoutTheRightTokenFromAForeignOriginOrForAForeignHost_AreRefused()
    {
        await using HttpTestServer server = await HttpTestServer.StartInProcessAsync(Collection, cancellationToken: Ct);
        using HttpClient http = new();

        using HttpResponseMessage noToken = await http.SendAsync(Post(server.Endpoint, token: null), Ct);
        using HttpResponseMessage wrongToken = await http.SendAsync(Post(server.Endpoint, token: "not-the-token"), Ct);
        HttpRequestMessage fromEvil = Post(server.Endpoint, server.Token);
        fromEvil.Headers.Add("Origin", "https://evil.example");
        using HttpResponseMessage foreignOrigin = await http.SendAsync(fromEvil, Ct);
        HttpRequestMessage rebound = Post(server.Endpoint, server.Token);
        rebound.Headers.Host = "evil.example";
        using HttpResponseMessage foreignHost = await http.SendAsync(rebound, Ct);
        HttpRequestMessage fromLocalPage = Post(server.Endpoint, server.Token);
        fromLocalPage.Headers.Add("Origin", "http://localhost:6274");
        using HttpResponseMessage localOrigin = await http.SendAsync(fromLocalPage, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("Bearer", Assert.Single(noToken.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, localOrigin.StatusCode);
    }

    // What a browser page on a rebound name, or a stranger naming this machine's address, would send to a server bound
    // to every interface: only the hosts the person allowed (and loopback) get through the Host and Origin checks.
    [Theory]
    [InlineData("evil.example", null, HttpStatusCode.BadRequest)]
    [InlineData("192.0.2.7", null, HttpStatusCode.BadRequest)]
    [InlineData("0.0.0.0", null, HttpStatusCode.BadRequest)]
    [InlineData("anki.lan", "https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("anki.lan", "http://anki.lan:8766", HttpStatusCode.OK)]
    [InlineData("anki.lan", null, HttpStatusCode.OK)]
    [InlineData("localhost", null, HttpStatusCode.OK)]
    public async Task BoundToEveryInterface_OnlyAllowedHostsAndOriginsGetThrough(string host, string? origin, HttpStatusCode expected)
    {
        await using HttpTestServer server = await HttpTestServer.StartInProcessAsync(Collection, bind: IPAddress.Any, allowedHosts: ["anki.lan"], cancellationToken: Ct);
        using HttpClient http = new();
        HttpRequestMessage request = Post(new UriBuilder(server.Endpoint) { Host = "127.0.0.1" }.Uri, server.Token);
        request.Headers.Host = $"{host}:{server.Endpoint.Port}";
        if (origin is not null)
            request.Headers.Add("Origin", origin);

        using HttpResponseMessage response = await http.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.2.7")]
    [InlineData("::")]
    public async Task ANonLoopbackBind_WithoutAllowedHosts_RefusesToStart_SayingWhatToAdd(string bind)
    {
        (int exitCode, string stdout, string stderr) = await CliRunner.RunAsync(["serve", "--http", "--bind", bind, "--port", "0", "--collection", Collection], cancellationToken: Ct);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains($"--bind {bind} lets other machines connect", stderr, StringComparison.Ordinal);
        Assert.Contains("--allowed-host", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Collection, "note_types")));
    }

    // Through the executable: the token comes from its environment.
    [Fact]
    public async Task Http_WithoutATokenInTheEnvironment_RefusesToStart()
    {
        (int exitCode, string stdout, string stderr) = await ServerLauncher.RunAsync(
            ["serve", "--http", "--port", "0", "--collection", Collection], "", new Dictionary<string, string?> { ["ANKIMCP_HTTP_TOKEN"] = null }, Ct);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("--http needs a bearer token", stderr, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(Uri endpoint, string? token)
    {
        HttpRequestMessage request = new(HttpMethod.Post, endpoint) { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
