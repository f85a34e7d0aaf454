using System.Diagnostics;

namespace AnkiMcp.Tests.Cli;

/// <summary>Runs the real <c>ankimcp</c> executable (<c>dotnet ankimcp.dll …</c>) as a user would, and captures what it printed.</summary>
internal static class AnkiMcpProcess
{
    private static readonly string ExecutablePath = Path.Combine(AppContext.BaseDirectory, "ankimcp.dll");

    public static async Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        string? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        ProcessStartInfo startInfo = new("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(ExecutablePath);
        foreach (string argument in arguments)
            startInfo.ArgumentList.Add(argument);
        // Nothing from the test machine's environment may steer the program under test.
        startInfo.Environment.Remove("ANKIMCP_COLLECTION");
        startInfo.Environment.Remove("ANKI_CONNECT_URL");
        startInfo.Environment.Remove("ANKI_CONNECT_KEY");
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
            startInfo.Environment[name] = value;

        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet.");
        try
        {
            Task<string> standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> standardError = process.StandardError.ReadToEndAsync(cancellationToken);
            if (standardInput is not null)
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken);
            return new ProcessResult(process.ExitCode, await standardOutput, await standardError);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }
}
