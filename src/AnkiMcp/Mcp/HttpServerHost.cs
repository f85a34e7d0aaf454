using System.Net;
using System.Net.Sockets;
using AnkiMcp.Core.Proposals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.AspNetCore;

namespace AnkiMcp.Mcp;

/// <summary>Runs the MCP server over streamable HTTP at <c>/mcp</c>, behind the Host, Origin and bearer-token checks.</summary>
internal static class HttpServerHost
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static async Task RunAsync(AnkiMcpServerSettings settings, ProposalStore store, HttpServerOptions http, bool debug, TextWriter status,
        CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        ServerLogging.Configure(builder.Logging, debug);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(http.Bind, http.Port));
        string[] allowedHosts = [.. LoopbackHosts, .. http.AllowedHosts, .. BoundAddress(http.Bind)];
        builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = allowedHosts);
        // A session for every client: its batches are its own to decide on (see CallerSessions), and elicitation reaches it.
        // A client speaking 2026-07-28, which has no sessions, is refused so that it falls back to 'initialize'.
        builder.Services.AddAnkiMcpServer(settings, store)
            .WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.Stateful);

        await using WebApplication app = builder.Build();
        app.UseOriginCheck(allowedHosts);
        app.UseBearerToken(http.Token);
        app.MapMcp("/mcp");

        await app.StartAsync(cancellationToken);
        foreach (string address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            await status.WriteLineAsync($"ankimcp: MCP over HTTP at {address}/mcp (collection {settings.CollectionDirectory}, approval {settings.Policy.ToString().ToLowerInvariant()})");
        await app.WaitForShutdownAsync(cancellationToken);
    }

    // Clients of a server bound to one interface may name its address; "every interface" (0.0.0.0, ::) is no host.
    private static string[] BoundAddress(IPAddress bind) =>
        bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any) ? []
        : bind.AddressFamily == AddressFamily.InterNetworkV6 ? [$"[{bind}]"]
        : [bind.ToString()];
}
