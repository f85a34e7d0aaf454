using System.CommandLine;
using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp deserialize [-i FILE] [--overwrite]</c>: writes the decks of a JSON document (as made by
/// <c>serialize</c>) back as deck files. Everything is checked before anything is written; existing deck files are
/// only replaced with <c>--overwrite</c>. Reads <c>AnkiCollection.json</c> (as AnkiOps does) unless <c>-i</c> names
/// another file, or <c>-</c> for stdin.</summary>
internal static class DeserializeCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string?> input = new("--input", "-i") { Description = $"Read the JSON from this file, or '-' for stdin (default, as AnkiOps: {SerializeCommand.DefaultFileName})." };
        Option<bool> overwrite = new("--overwrite") { Description = "Replace deck files that exist already." };
        Command command = new("deserialize", "Write decks from JSON (as made by 'serialize') into the collection's deck files.")
        {
            input, overwrite,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string file = parseResult.GetValue(input) ?? SerializeCommand.DefaultFileName;
            if (file != "-" && !File.Exists(file))
                return Fail(console, $"{Path.GetFullPath(file)} does not exist; name the JSON file with -i FILE (or -i - for stdin).");
            string json = file == "-"
                ? await console.Input.ReadToEndAsync(cancellationToken)
                : await File.ReadAllTextAsync(file, cancellationToken);
            IReadOnlyList<string> written;
            try
            {
                written = CollectionInterchange.Deserialize(GlobalOptions.ResolveCollection(parseResult), json, parseResult.GetValue(overwrite), file == "-" ? "stdin" : Path.GetFileName(file));
            }
            catch (CollectionFormatException e)
            {
                return Fail(console, $"Nothing written:{Environment.NewLine}{e.Message}");
            }
            console.PlainError.WriteLine(written.Count == 0 ? "No deck file changed." : $"Wrote {string.Join(", ", written.Select(Path.GetFileName))}.");
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
