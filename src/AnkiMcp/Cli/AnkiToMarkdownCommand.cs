using System.CommandLine;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp anki-to-markdown</c>: Make the Markdown folder match Anki: write managed notes from Anki into the deck files.</summary>
internal static class AnkiToMarkdownCommand
{
    public static Command Create()
    {
        Command command = new("anki-to-markdown", "Make the Markdown folder match Anki: write managed notes from Anki into the deck files.");
        command.Aliases.Add("am");
        SyncCommandOptions options = new(command, withPrefer: false);
        command.SetAction((parseResult, cancellationToken) => SyncCommandRunner.RunAsync(parseResult, SyncDirection.AnkiToMarkdown, options, cancellationToken));
        return command;
    }
}
