using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AnkiMcp.Mcp;

/// <summary>Logging for the server: stderr only, because stdout carries the MCP protocol over stdio.</summary>
internal static class ServerLogging
{
    /// <summary>One line per message on stderr (<see cref="ServerLogFormatter"/>); the SDK's per-request chatter only with <c>--debug</c>.</summary>
    public static void Configure(ILoggingBuilder logging, bool debug)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddConsole(options =>
        {
            options.LogToStandardErrorThreshold = LogLevel.Trace;
            options.FormatterName = ServerLogFormatter.FormatterName;
        });
        logging.AddConsoleFormatter<ServerLogFormatter, ConsoleFormatterOptions>();
        logging.SetMinimumLevel(debug ? LogLevel.Debug : LogLevel.Information);
        logging.AddFilter("ModelContextProtocol", debug ? LogLevel.Debug : LogLevel.Warning);
        logging.AddFilter("Microsoft", debug ? LogLevel.Information : LogLevel.Warning);
    }
}
