using System.CommandLine;
using AnkiMcp.Core.IO;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp serialize [-o FILE] [--deck NAME] [--no-subdecks]</c>: the collection's Markdown notes as JSON
/// (AnkiOps' interchange format), for batch review by an assistant. Writes where AnkiOps does unless <c>-o</c> says
/// otherwise: <c>AnkiCollection.json</c>, or <c>&lt;deck file name&gt;.json</c> with <c>--deck</c>; <c>-o -</c> is stdout.</summary>
internal static class SerializeCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string?> output = new("--output", "-o") { Description = $"Write the JSON to this file, or '-' for stdout (default, as AnkiOps: {DefaultFileName}, or <deck file name>.json with --deck)." };
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
            string file = parseResult.GetValue(output) ?? (deckName is null ? DefaultFileName : Path.ChangeExtension(DeckFileNames.ToFileName(deckName), ".json"));
            if (file == "-")
            {
                console.PlainOutput.Write(json);
                return 0;
            }
            AtomicFile.WriteAllText(Path.GetFullPath(file), json);
            console.PlainError.WriteLine($"Wrote {file}.");
            return 0;
        });
        return command;
    }

    /// <summary>The file <c>serialize</c> writes and <c>deserialize</c> reads when none is given, as in AnkiOps.</summary>
    public const string DefaultFileName = "AnkiCollection.json";

    private static int Fail(CliConsole console, string message)
    {
        console.PlainError.WriteLine(message);
        return 1;
    }
}
