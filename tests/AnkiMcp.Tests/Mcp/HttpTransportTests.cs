using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AnkiMcp.Core.Proposals;
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
