using AnkiMcp.Core.Proposals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AnkiMcp.Mcp;

/// <summary>Runs the MCP server over stdin/stdout until the client closes the pipe.</summary>
internal static class StdioServerHost
{
    public static async Task RunAsync(AnkiMcpServerSettings settings, ProposalStore store, bool debug, CancellationToken cancellationToken)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        ServerLogging.Configure(builder.Logging, debug);
        builder.Services.AddAnkiMcpServer(settings, store).WithStdioServerTransport();
        using IHost host = builder.Build();
        await host.RunAsync(cancellationToken);
    }
}
