using System.CommandLine;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp markdown-to-anki</c> (<c>ma</c>; AnkiOps' names <c>files-to-anki</c> and <c>fa</c> work too): Make Anki match the Markdown folder: add, update, move and delete managed notes in Anki.</summary>
internal static class MarkdownToAnkiCommand
{
    public static Command Create(CliConsole console) => SyncCommandRunner.CreateCommand(console,
        "markdown-to-anki", ["ma", "files-to-anki", "fa"], "Make Anki match the Markdown folder: add, update, move and delete managed notes in Anki.", SyncDirection.MarkdownToAnki, withPrefer: false);
}
