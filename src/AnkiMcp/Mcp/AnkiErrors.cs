using AnkiMcp.Core.Anki;
using ModelContextProtocol;

namespace AnkiMcp.Mcp;

/// <summary>Runs an AnkiConnect call from a tool, passing Anki's own advice on to the assistant as a readable tool error.</summary>
internal static class AnkiErrors
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (AnkiUnavailableException error)
        {
            throw new McpException(error.Message, error);
        }
        catch (AnkiConnectException error)
        {
            throw new McpException($"Anki refused '{error.Action}': {error.AnkiError}", error);
        }
    }
}
