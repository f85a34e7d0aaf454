using System.Diagnostics;
using System.Text.RegularExpressions;
using ModelContextProtocol.Client;

namespace AnkiMcp.Tests.Mcp;

/// <summary>The real <c>ankimcp serve --http</c> on a free loopback port, stopped on dispose.</summary>
internal sealed partial class HttpServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _drainStderr;

    private HttpServerProcess(Process process, Uri endpoint, string token, Task drainStderr)
    {
        _process = process;
        Endpoint = endpoint;
        Token = token;
        _drainStderr = drainStderr;
    }

    public Uri Endpoint { get; }

    public string Token { get; }

    public static async Task<HttpServerProcess> StartAsync(string collection, string policy = "conversation", string ankiUrl = ServerLauncher.UnreachableAnki,
        CancellationToken cancellationToken = default)
    {
        string token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        ProcessStartInfo start = new("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (string argument in new[] { ServerLauncher.Executable, "serve", "--http", "--port", "0", "--collection", collection, "--approval", policy, "--anki-url", ankiUrl })
            start.ArgumentList.Add(argument);
        start.Environment["ANKIMCP_HTTP_TOKEN"] = token;
        start.Environment.Remove("ANKIMCP_COLLECTION");
        start.Environment.Remove("ANKIMCP_APPROVAL");
        Process process = Process.Start(start)!;

        List<string> seen = [];
        while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            seen.Add(line);
            Match match = ListeningLine().Match(line);
            if (match.Success)
            {
                Task drain = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return new HttpServerProcess(process, new Uri(match.Groups[1].Value), token, drain);
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        throw new InvalidOperationException($"ankimcp serve --http exited with {process.ExitCode} before listening:\n{string.Join('\n', seen)}");
    }

    public Task<McpClient> ConnectAsync(McpClientOptions? options = null, CancellationToken cancellationToken = default) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Token}" },
        }), ServerLauncher.Patient(options), cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _drainStderr;
        _process.Dispose();
    }

    [GeneratedRegex(@"MCP over HTTP at (http://\S+/mcp)")]
    private static partial Regex ListeningLine();
}
