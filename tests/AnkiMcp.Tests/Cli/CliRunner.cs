using AnkiMcp.Cli;
using Spectre.Console.Testing;

namespace AnkiMcp.Tests.Cli;

/// <summary>
/// Runs the <c>ankimcp</c> command line in this process, as a script would run the executable: stdin, stdout and stderr
/// redirected, here to test consoles whose text the test reads afterwards.
/// </summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, string stdin = "",
        CancellationToken cancellationToken = default)
    {
        using TestConsole stdout = new();
        using TestConsole stderr = new();
        using StringReader input = new(stdin);
        int exitCode = await AnkiMcpCommandLine.InvokeAsync([.. arguments], new CliConsole(stdout, stderr, input), cancellationToken);
        return (exitCode, stdout.Output, stderr.Output);
    }
}
