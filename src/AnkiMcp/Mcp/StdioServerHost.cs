using AnkiMcp.Core.Proposals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>
/// Runs the MCP server over stdin/stdout until the client closes the pipe. It builds the services and the server
/// directly instead of through the generic host: configuration sources, file watchers and the hosted-service
/// lifetime cost start-up time an assistant waits for, and stdio needs none of them (the command line's cancellation
/// token already ends the run on Ctrl+C or SIGTERM).
/// </summary>
internal static class StdioServerHost
{
    public static async Task RunAsync(AnkiMcpServerSettings settings, ProposalStore store, bool debug, CancellationToken cancellationToken)
    {
        ServiceCollection services = new();
        services.AddLogging(logging => ServerLogging.Configure(logging, debug));
        services.AddAnkiMcpServer(settings, store);
        await using ServiceProvider provider = services.BuildServiceProvider();
        McpServerOptions options = provider.GetRequiredService<IOptions<McpServerOptions>>().Value;
        ILoggerFactory loggerFactory = provider.GetRequiredService<ILoggerFactory>();
        await using StdioServerTransport transport = new(options, loggerFactory);
        await using McpServer server = McpServer.Create(transport, options, loggerFactory, provider);
        await server.RunAsync(cancellationToken);
    }
}
