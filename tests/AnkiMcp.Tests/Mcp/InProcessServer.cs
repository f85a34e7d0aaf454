using System.IO.Pipelines;
using AnkiMcp.Cli;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Mcp;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Tests.Mcp;

/// <summary>
/// The MCP server with the registration <c>ankimcp serve</c> uses, run in this process over a pair of pipes where the
/// executable has stdin and stdout (as the SDK tests its own servers). The smoke tests start the real executable.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private readonly Task _running;

    private InProcessServer(AnkiMcpServerSettings settings, ProposalStore store)
    {
        ServiceCollection services = new();
        services.AddLogging();
        services.AddAnkiMcpServer(settings, store).WithStreamServerTransport(_toServer.Reader.AsStream(), _toClient.Writer.AsStream());
        _services = services.BuildServiceProvider(validateScopes: true);
        _running = _services.GetRequiredService<McpServer>().RunAsync(_stop.Token);
    }

    public static async Task<InProcessServer> StartAsync(string collection, string policy, string ankiUrl, CancellationToken cancellationToken)
    {
        (AnkiMcpServerSettings settings, ProposalStore store) = await OpenAsync(collection, policy, ankiUrl, cancellationToken);
        return new InProcessServer(settings, store);
    }

    /// <summary>What <c>serve --collection … --approval … --anki-url …</c> does before it listens.</summary>
    public static async Task<(AnkiMcpServerSettings Settings, ProposalStore Store)> OpenAsync(string collection, string policy, string ankiUrl,
        CancellationToken cancellationToken)
    {
        ApprovalPolicy approval = ApprovalPolicyOption.Resolve(policy, out string? problem) ?? throw new ArgumentException(problem, nameof(policy));
        ProposalStore store = await ServeCommand.OpenCollectionAsync(collection, approval, TextWriter.Null, cancellationToken);
        return (new AnkiMcpServerSettings(collection, approval, ankiUrl), store);
    }

    public Task<McpClient> ConnectAsync(McpClientOptions? options, CancellationToken cancellationToken) =>
        McpClient.CreateAsync(new StreamClientTransport(_toServer.Writer.AsStream(), _toClient.Reader.AsStream()), McpTestClient.Patient(options),
            cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _toServer.Writer.CompleteAsync();
        await _toClient.Writer.CompleteAsync();
        await _running;
        await _services.DisposeAsync();
        _stop.Dispose();
    }
}
