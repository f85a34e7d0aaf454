using System.CommandLine;
using System.Net;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Sync;
using AnkiMcp.Mcp;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp serve</c>: the MCP server, over stdio (default) or streamable HTTP.</summary>
internal static class ServeCommand
{
    public const string TokenVariable = "ANKIMCP_HTTP_TOKEN";
    private const int DefaultPort = 8766;

    public static Command Create(CliConsole console)
    {
        Option<bool> http = new("--http") { Description = "Serve streamable HTTP at /mcp instead of stdio; needs a bearer token in $" + TokenVariable + "." };
        Option<int> port = new("--port") { Description = $"HTTP port (default {DefaultPort}; 0 picks a free one).", DefaultValueFactory = _ => DefaultPort };
        Option<string> bind = new("--bind") { Description = "HTTP address to listen on (default 127.0.0.1, this machine only).", DefaultValueFactory = _ => "127.0.0.1" };
        Option<string[]> allowedHosts = new("--allowed-host")
        {
            Description = "A host name clients use to reach a non-loopback --bind (repeatable); requests naming other hosts are refused.",
            AllowMultipleArgumentsPerToken = false,
        };
        Option<string?> approval = ApprovalPolicyOption.Create();

        Command command = new("serve", "Run the MCP server for an AI assistant (stdio by default, --http for streamable HTTP).")
        {
            http, port, bind, allowedHosts, approval,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, parseResult, http, port, bind, allowedHosts, approval, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parseResult, Option<bool> http, Option<int> port, Option<string> bind, Option<string[]> allowedHosts,
        Option<string?> approval, CancellationToken cancellationToken)
    {
        ApprovalPolicy? policy = ApprovalPolicyOption.Resolve(parseResult.GetValue(approval), out string? policyProblem);
        if (policy is null)
            return await FailAsync(console, policyProblem!);

        HttpServerOptions? httpOptions = null;
        if (parseResult.GetValue(http))
        {
            string? token = Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrWhiteSpace(token) || token.Trim().Length < 16)
                return await FailAsync(console, $"--http needs a bearer token of at least 16 characters in ${TokenVariable}, e.g. `export {TokenVariable}=$(openssl rand -hex 32)`; clients send it as 'Authorization: Bearer <token>'.");
            string bindText = parseResult.GetValue(bind)!;
            IPAddress? address = bindText.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.TryParse(bindText, out IPAddress? parsed) ? parsed : null;
            if (address is null)
                return await FailAsync(console, $"--bind '{bindText}' is not an IP address; use 127.0.0.1 (this machine only) or the address of one of this machine's interfaces.");
            httpOptions = new HttpServerOptions(address, parseResult.GetValue(port), token.Trim(), parseResult.GetValue(allowedHosts) ?? []);
        }

        string collection = GlobalOptions.ResolveCollection(parseResult);
        AnkiMcpServerSettings settings = new(collection, policy.Value, parseResult.GetValue(GlobalOptions.AnkiUrl));
        ProposalStore store = await OpenCollectionAsync(collection, policy.Value, console.PlainError, cancellationToken);
        bool debug = parseResult.GetValue(GlobalOptions.Debug);

        if (httpOptions is null)
            await StdioServerHost.RunAsync(settings, store, debug, cancellationToken);
        else
            await HttpServerHost.RunAsync(settings, store, httpOptions, debug, console.PlainError, cancellationToken);
        return 0;
    }

    /// <summary>The proposals of the collection to serve; a folder that is no collection yet becomes one first.</summary>
    public static async Task<ProposalStore> OpenCollectionAsync(string collection, ApprovalPolicy policy, TextWriter status, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(collection, "note_types")))
        {
            // A newcomer's first run: make the folder a collection so cards can be created before Anki is ever connected.
            await CollectionInitializer.InitializeAsync(collection, tutorial: false, anki: null, cancellationToken);
            await status.WriteLineAsync($"ankimcp serve: created a new collection in {collection} with the default note types.");
        }
        return await ProposalStore.OpenAsync(collection, policy, cancellationToken: cancellationToken);
    }

    private static async Task<int> FailAsync(CliConsole console, string message)
    {
        await console.PlainError.WriteLineAsync($"ankimcp serve: {message}");
        return 1;
    }
}
