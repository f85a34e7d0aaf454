using AnkiMcp.Core.Proposals;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>
/// Who is calling, as the owner of the batches it proposes: an HTTP session by its session id, and over stdio — one
/// client per process, and no session id — this process.
/// </summary>
internal sealed class CallerSessions
{
    private readonly string _thisProcess = $"stdio-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public ProposalOwner Of(McpServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new ProposalOwner(server.SessionId is { Length: > 0 } session ? $"http-{session}" : _thisProcess, server.ClientInfo?.Name);
    }
}
