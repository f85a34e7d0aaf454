using System.Diagnostics;
using ModelContextProtocol.Client;

namespace AnkiMcp.Tests.Mcp;

/// <summary>The real <c>ankimcp</c> executable from the test output folder, for the smoke tests that cross the process boundary.</summary>
internal static class ServerLauncher
{
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "ankimcp.dll");

    /// <summary>An address where nothing listens, for "Anki is not running".</summary>
    public const string UnreachableAnki = "http://127.0.0.1:9";

    public static Task<McpClient> StartStdioAsync(string collection, string policy = "conversation", string ankiUrl = UnreachableAnki,
        McpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        StdioClientTransport transport = new(new StdioClientTransportOptions
        {
            Name = "ankimcp",
            Command = "dotnet",
            Arguments = [Executable, "serve", "--collection", collection, "--approval", policy, "--anki-url", ankiUrl],
            WorkingDirectory = AppContext.BaseDirectory,
            EnvironmentVariables = new Dictionary<string, string?> { ["ANKIMCP_COLLECTION"] = null, ["ANKIMCP_APPROVAL"] = null },
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        });
        return McpClient.CreateAsync(transport, McpTestClient.Patient(options), cancellationToken: cancellationToken);
    }

    /// <summary>Runs <c>ankimcp</c> with arguments and stdin to completion.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, string stdin,
        IDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default) =>
        RunAsync(arguments, stdin, environment, workingDirectory: null, cancellationToken);

    /// <summary>Runs <c>ankimcp</c> with arguments and stdin to completion, in <paramref name="workingDirectory"/>.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunInAsync(string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(arguments, "", environment: null, workingDirectory, cancellationToken);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, string stdin,
        IDictionary<string, string?>? environment, string? workingDirectory, CancellationToken cancellationToken)
    {
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Executable);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("ANKIMCP_COLLECTION");
        start.Environment.Remove("ANKIMCP_APPROVAL");
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
            start.Environment[name] = value;

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
