using System.CommandLine;
using AnkiMcp.Core.IO;
using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp serialize [-o FILE] [--deck NAME] [--no-subdecks]</c>: the collection's Markdown notes as JSON
/// (AnkiOps' interchange shape), for batch review by an assistant. Writes to stdout unless <c>-o</c> is given.</summary>
internal static class SerializeCommand
{
    public static Command Create(CliConsole console)
    {
        Option<FileInfo?> output = new("--output", "-o") { Description = "Write the JSON to this file (default: stdout)." };
        Option<string?> deck = new("--deck") { Description = "Only this deck (Anki name, e.g. \"Biology::Cells\"), with its subdecks." };
        Option<bool> noSubdecks = new("--no-subdecks") { Description = "With --deck: leave out the subdecks." };
        Command command = new("serialize", "Write the collection's notes as JSON: decks by Anki name, each note with note_key, note_type, fields (Markdown) and tags.")
        {
            output, deck, noSubdecks,
        };
        command.SetAction(parseResult =>
        {
            string? deckName = parseResult.GetValue(deck);
            if (deckName is null && parseResult.GetValue(noSubdecks))
                return Fail(console, "--no-subdecks goes with --deck NAME.");
            string json;
            try
            {
                MarkdownCollection collection = MarkdownCollection.Load(GlobalOptions.ResolveCollection(parseResult));
                json = CollectionInterchange.Serialize(collection, deckName, !parseResult.GetValue(noSubdecks));
            }
            catch (CollectionFormatException e)
            {
                return Fail(console, $"Nothing serialized; fix these first:{Environment.NewLine}{e.Message}");
            }
            FileInfo? file = parseResult.GetValue(output);
            if (file is null)
                console.PlainOutput.Write(json);
            else
                AtomicFile.WriteAllText(file.FullName, json);
            return 0;
        });
        return command;
    }

    private static int Fail(CliConsole console, string message)
    {
        console.PlainError.WriteLine(message);
        return 1;
    }
}
