using AnkiMcp.Tests.Mcp;
using ModelContextProtocol.Client;

namespace AnkiMcp.Tests;

/// <summary>
/// What most tests begin with: a collection folder of their own (deleted afterwards), the test's cancellation token, and
/// MCP servers on that folder run in this process (stopped afterwards).
/// </summary>
public abstract class CollectionTest : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<InProcessServer> _servers = [];

    /// <summary>Cancelled when the test run is; pass it to everything that can wait.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The test's collection folder: empty until the test, or a server it starts, fills it.</summary>
    protected string Collection => _folder.Path;

    /// <summary>A client connected to the MCP server that <c>ankimcp serve</c> runs on <see cref="Collection"/> (or
    /// <paramref name="collection"/>), here in this process.</summary>
    protected async Task<McpClient> StartServerAsync(string policy = "conversation", string ankiUrl = ServerLauncher.UnreachableAnki,
        McpClientOptions? options = null, string? collection = null)
    {
        InProcessServer server = await InProcessServer.StartAsync(collection ?? Collection, policy, ankiUrl, Ct);
        _servers.Add(server);
        return await server.ConnectAsync(options, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops what the test started; a test class that starts more (an emulator, say) stops it here too.</summary>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        foreach (InProcessServer server in _servers)
            await server.DisposeAsync();
        _folder.Dispose();
    }
}
