using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Mcp;
using ModelContextProtocol.Client;

namespace AnkiMcp.Tests.Mcp;

/// <summary>
/// <c>ankimcp serve --http</c> on a free loopback port with a fresh token, stopped on dispose: either the real executable,
/// or its HTTP host in this process (real Kestrel, real guards, no process start).
/// </summary>
internal sealed partial class HttpTestServer : IAsyncDisposable
{
    private readonly Func<ValueTask> _stop;

    private HttpTestServer(Uri endpoint, string token, Func<ValueTask> stop)
    {
        Endpoint = endpoint;
        Token = token;
        _stop = stop;
    }

    public Uri Endpoint { get; }

    public string Token { get; }

    public static async Task<HttpTestServer> StartProcessAsync(string collection, string policy = "conversation", string ankiUrl = ServerLauncher.UnreachableAnki,
        CancellationToken cancellationToken = default)
    {
        string token = NewToken();
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
            if (ListeningAddress(line) is { } endpoint)
            {
                Task drain = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return new HttpTestServer(endpoint, token, async () =>
                {
                    if (!process.HasExited)
                        process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    await drain;
                    process.Dispose();
                });
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        throw new InvalidOperationException($"ankimcp serve --http exited with {process.ExitCode} before listening:\n{string.Join('\n', seen)}");
    }

    public static async Task<HttpTestServer> StartInProcessAsync(string collection, string policy = "conversation", string ankiUrl = ServerLauncher.UnreachableAnki,
        IPAddress? bind = null, IReadOnlyList<string>? allowedHosts = null, CancellationToken cancellationToken = default)
    {
        string token = NewToken();
        (AnkiMcpServerSettings settings, ProposalStore store) = await InProcessServer.OpenAsync(collection, policy, ankiUrl, cancellationToken);
        AnnouncementWriter status = new();
        CancellationTokenSource stop = new();
        Task running = HttpServerHost.RunAsync(settings, store, new HttpServerOptions(bind ?? IPAddress.Loopback, 0, token, allowedHosts ?? []), debug: false, status, stop.Token);

        Task first = await Task.WhenAny(status.Listening.Task, running);
        if (first == running)
        {
            await running;
            throw new InvalidOperationException($"the HTTP host stopped before listening:\n{status}");
        }
        return new HttpTestServer(await status.Listening.Task, token, async () =>
        {
            await stop.CancelAsync();
            await running;
            stop.Dispose();
            await status.DisposeAsync();
        });
    }

    public Task<McpClient> ConnectAsync(McpClientOptions? options = null, CancellationToken cancellationToken = default) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Token}" },
        }), McpTestClient.Patient(options), cancellationToken: cancellationToken);

    public ValueTask DisposeAsync() => _stop();

    private static string NewToken() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private static Uri? ListeningAddress(string line) => ListeningLine().Match(line) is { Success: true } match ? new Uri(match.Groups[1].Value) : null;

    [GeneratedRegex(@"MCP over HTTP at (http://\S+/mcp)")]
    private static partial Regex ListeningLine();

    /// <summary>The in-process host's stderr: hands over the address it announces.</summary>
    private sealed class AnnouncementWriter : StringWriter
    {
        public TaskCompletionSource<Uri> Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && ListeningAddress(value) is { } endpoint)
                Listening.TrySetResult(endpoint);
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }
}
