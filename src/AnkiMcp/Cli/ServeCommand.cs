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
        Option<bool> init = new("--init")
        {
            Description = "Make the collection folder a collection first when it is not one (note_types/, .gitignore), even when it holds other files.",
        };

        Command command = new("serve", "Run the MCP server for an AI assistant (stdio by default, --http for streamable HTTP).")
        {
            http, port, bind, allowedHosts, approval, init,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, parseResult, http, port, bind, allowedHosts, approval, init, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parseResult, Option<bool> http, Option<int> port, Option<string> bind, Option<string[]> allowedHosts,
        Option<string?> approval, Option<bool> init, CancellationToken cancellationToken)
    {
        ApprovalPolicy? policy = ApprovalPolicyOption.Resolve(parseResult.GetValue(approval), out string? policyProblem);
        if (policy is null)
            return await FailAsync(console, policyProblem!);

        HttpServerOptions? httpOptions = null;
        if (parseResult.GetValue(http))
        {
            string bindText = parseResult.GetValue(bind)!;
            IPAddress? address = bindText.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.TryParse(bindText, out IPAddress? parsed) ? parsed : null;
            if (address is null)
                return await FailAsync(console, $"--bind '{bindText}' is not an IP address; use 127.0.0.1 (this machine only) or the address of one of this machine's interfaces.");
            string[] hosts = parseResult.GetValue(allowedHosts) ?? [];
            if (!IPAddress.IsLoopback(address) && hosts.Length == 0)
                return await FailAsync(console, $"--bind {bindText} lets other machines connect; name the host names they use to reach this one with --allowed-host (e.g. --allowed-host {Environment.MachineName.ToLowerInvariant()}.local), so that requests naming any other host are refused.");
            string? token = Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrWhiteSpace(token) || token.Trim().Length < 16)
                return await FailAsync(console, $"--http needs a bearer token of at least 16 characters in ${TokenVariable}, e.g. `export {TokenVariable}=$(openssl rand -hex 32)`; clients send it as 'Authorization: Bearer <token>'.");
            httpOptions = new HttpServerOptions(address, parseResult.GetValue(port), token.Trim(), hosts);
        }

        string collection = GlobalOptions.ResolveCollection(parseResult);
        if (NotACollection(collection, GlobalOptions.IsCollectionNamed(parseResult), parseResult.GetValue(init)) is { } notACollection)
            return await FailAsync(console, notACollection);
        AnkiMcpServerSettings settings = new(collection, policy.Value, parseResult.GetValue(GlobalOptions.AnkiUrl));
        ProposalStore store = await OpenCollectionAsync(collection, policy.Value, console.PlainError, cancellationToken);
        bool debug = parseResult.GetValue(GlobalOptions.Debug);

        if (httpOptions is null)
            await StdioServerHost.RunAsync(settings, store, debug, cancellationToken);
        else
            await HttpServerHost.RunAsync(settings, store, httpOptions, debug, console.PlainError, cancellationToken);
        return 0;
    }

    /// <summary>
    /// Why serve will not make <paramref name="collection"/> a collection, or null when it is one or may become one: a
    /// folder the person named that is missing or empty (a newcomer's first run), or any folder with <c>--init</c>. A folder
    /// holding other files — a project's repository, the folder an assistant happened to start the server in — is left alone.
    /// </summary>
    private static string? NotACollection(string collection, bool named, bool init)
    {
        if (init || IsCollection(collection))
            return null;
        bool empty = !Directory.Exists(collection) || !Directory.EnumerateFileSystemEntries(collection).Any();
        if (named && empty)
            return null;
        string which = named ? $"{collection} is not a collection (it has no note_types/ folder)" : $"no collection is set, and the current folder {collection} is not one (it has no note_types/ folder)";
        return $"{which}; serve does not turn a folder {(empty ? "it was not told about" : "that holds other files")} into one. " +
            "Point it at your collection with --collection DIR, or set ANKIMCP_COLLECTION=DIR (in an MCP client's configuration: \"env\": { \"ANKIMCP_COLLECTION\": \"/path/to/cards\" }); " +
            "to make this folder a collection, run `ankimcp init` in it or add --init.";
    }

    /// <summary>The proposals of the collection to serve; a folder that is no collection yet becomes one first.</summary>
    public static async Task<ProposalStore> OpenCollectionAsync(string collection, ApprovalPolicy policy, TextWriter status, CancellationToken cancellationToken)
    {
        if (!IsCollection(collection))
        {
            // A newcomer's first run: make the folder a collection so cards can be created before Anki is ever connected.
            await CollectionInitializer.InitializeAsync(collection, tutorial: false, anki: null, cancellationToken);
            await status.WriteLineAsync($"ankimcp serve: created a new collection in {collection} with the default note types.");
        }
        return await ProposalStore.OpenAsync(collection, policy, cancellationToken: cancellationToken);
    }

    private static bool IsCollection(string folder) => Directory.Exists(Path.Combine(folder, "note_types"));

    private static async Task<int> FailAsync(CliConsole console, string message)
    {
        await console.PlainError.WriteLineAsync($"ankimcp serve: {message}");
        return 1;
    }
}
