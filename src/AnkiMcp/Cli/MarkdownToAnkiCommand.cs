using System.CommandLine;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp markdown-to-anki</c>: Make Anki match the Markdown folder: add, update, move and delete managed notes in Anki.</summary>
internal static class MarkdownToAnkiCommand
{
    public static Command Create()
    {
        Command command = new("markdown-to-anki", "Make Anki match the Markdown folder: add, update, move and delete managed notes in Anki.");
        command.Aliases.Add("ma");
        SyncCommandOptions options = new(command, withPrefer: false);
        command.SetAction((parseResult, cancellationToken) => SyncCommandRunner.RunAsync(parseResult, SyncDirection.MarkdownToAnki, options, cancellationToken));
        return command;
    }
}
