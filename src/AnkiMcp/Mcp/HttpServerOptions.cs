using System.Net;

namespace AnkiMcp.Mcp;

/// <summary>How the streamable HTTP transport listens and whom it lets in.</summary>
/// <param name="Bind">The address to listen on (loopback unless the person chose otherwise).</param>
/// <param name="Port">The TCP port; 0 picks a free one (the address is printed to stderr).</param>
/// <param name="Token">The bearer token every request must carry.</param>
/// <param name="AllowedHosts">Host names, besides the loopback ones, that requests may address (against DNS rebinding).</param>
internal sealed record HttpServerOptions(IPAddress Bind, int Port, string Token, IReadOnlyList<string> AllowedHosts);
