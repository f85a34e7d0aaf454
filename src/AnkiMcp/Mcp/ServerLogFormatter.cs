using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using ModelContextProtocol;

namespace AnkiMcp.Mcp;

/// <summary>
/// One line per message on stderr. A tool's <see cref="McpException"/> is an expected condition (Anki away, input the
/// tool refuses) whose words the assistant already got: it is logged as that one line, without the stack trace the SDK
/// attaches to every tool error. Anything else keeps its stack trace: that is a bug to report.
/// </summary>
internal sealed class ServerLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "ankimcp";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        string message = OneLine(logEntry.Formatter?.Invoke(logEntry.State, null) ?? "");
        if (logEntry.Exception is McpException expected)
        {
            textWriter.WriteLine($"ankimcp: {ToolOf(message)}: {OneLine(expected.Message)}");
            return;
        }

        textWriter.WriteLine($"{Level(logEntry.LogLevel)}: {logEntry.Category}: {message}");
        if (logEntry.Exception is not null)
            textWriter.WriteLine(logEntry.Exception.ToString());
    }

    // The SDK's message names the tool first, quoted: "find_notes" threw an unhandled exception.
    private static string ToolOf(string message) =>
        message.StartsWith('"') && message.IndexOf('"', 1) is > 1 and int end ? message[1..end] : "a tool call";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
