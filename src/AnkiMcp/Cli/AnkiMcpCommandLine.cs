using System.CommandLine;

namespace AnkiMcp.Cli;

/// <summary>Assembles the <c>ankimcp</c> command line from one class per command.</summary>
internal static class AnkiMcpCommandLine
{
    public static RootCommand Build()
    {
        RootCommand root = new("AnkiMcp: Anki cards from your lessons, with you approving each one, and your collection as Markdown synced both ways.");
        root.Options.Add(GlobalOptions.Collection);
        root.Options.Add(GlobalOptions.AnkiUrl);
        root.Options.Add(GlobalOptions.Debug);
        root.Options.Add(GlobalOptions.Json);
        // Each command registers itself here, one line each.
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(NoteTypesCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(MarkdownToAnkiCommand.Create());
        root.Subcommands.Add(AnkiToMarkdownCommand.Create());
        root.Subcommands.Add(SyncCommand.Create());
        root.Subcommands.Add(SerializeCommand.Create());
        root.Subcommands.Add(DeserializeCommand.Create());
        return root;
    }
}
