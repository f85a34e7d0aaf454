using System.CommandLine;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp anki-to-markdown</c> (<c>am</c>; AnkiOps' names <c>anki-to-files</c> and <c>af</c> work too): Make the Markdown folder match Anki: write managed notes from Anki into the deck files.</summary>
internal static class AnkiToMarkdownCommand
{
    public static Command Create(CliConsole console) => SyncCommandRunner.CreateCommand(console,
        "anki-to-markdown", ["am", "anki-to-files", "af"], "Make the Markdown folder match Anki: write managed notes from Anki into the deck files.", SyncDirection.AnkiToMarkdown, withPrefer: false);
}
