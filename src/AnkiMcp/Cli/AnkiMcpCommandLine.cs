using System.CommandLine;

namespace AnkiMcp.Cli;

/// <summary>Assembles the <c>ankimcp</c> command line from one class per command, all writing to one <see cref="CliConsole"/>.</summary>
internal static class AnkiMcpCommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>; help and parse errors go to the same console as the commands' output.</summary>
    public static Task<int> InvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default) =>
        Build(console).Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.PlainOutput, Error = console.PlainError }, cancellationToken);

    private static RootCommand Build(CliConsole console)
    {
        RootCommand root = new("AnkiMcp: Anki cards from your lessons, with you approving each one, and your collection as Markdown synced both ways.");
        root.Options.Add(GlobalOptions.Collection);
        root.Options.Add(GlobalOptions.AnkiUrl);
        root.Options.Add(GlobalOptions.Debug);
        root.Options.Add(GlobalOptions.Json);
        // Each command registers itself here, one line each.
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(NoteTypesCommand.Create(console));
        root.Subcommands.Add(ReviewCommand.Create(console));
        root.Subcommands.Add(CreateCommand.Create(console));
        root.Subcommands.Add(InitCommand.Create(console));
        root.Subcommands.Add(MarkdownToAnkiCommand.Create(console));
        root.Subcommands.Add(AnkiToMarkdownCommand.Create(console));
        root.Subcommands.Add(SyncCommand.Create(console));
        root.Subcommands.Add(SerializeCommand.Create(console));
        root.Subcommands.Add(DeserializeCommand.Create(console));
        root.Subcommands.Add(LintCommand.Create(console));
        return root;
    }
}
