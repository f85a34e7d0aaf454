using System.CommandLine;

namespace AnkiMcp.Cli;

/// <summary>Options every command understands; they are recursive so they may stand before or after the command name.</summary>
internal static class GlobalOptions
{
    public static readonly Option<DirectoryInfo?> Collection = new("--collection", "-c")
    {
        Description = "The collection folder (default: $ANKIMCP_COLLECTION, else the current folder).",
        Recursive = true,
    };

    public static readonly Option<string?> AnkiUrl = new("--anki-url")
    {
        Description = "AnkiConnect's address (default: $ANKI_CONNECT_URL, else http://127.0.0.1:8765).",
        Recursive = true,
    };

    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Log details to stderr.",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the result as JSON on stdout, for scripts.",
        Recursive = true,
    };

    /// <summary>Whether the person named the collection folder (<c>--collection</c> or <c>$ANKIMCP_COLLECTION</c>) rather than leaving it to the current folder.</summary>
    public static bool IsCollectionNamed(ParseResult parseResult) =>
        parseResult.GetValue(Collection) is not null || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ANKIMCP_COLLECTION"));

    /// <summary>The collection folder a command acts on.</summary>
    public static string ResolveCollection(ParseResult parseResult)
    {
        DirectoryInfo? given = parseResult.GetValue(Collection);
        if (given is not null)
            return given.FullName;
        string? fromEnvironment = Environment.GetEnvironmentVariable("ANKIMCP_COLLECTION");
        return Path.GetFullPath(string.IsNullOrWhiteSpace(fromEnvironment) ? Environment.CurrentDirectory : fromEnvironment);
    }
}
