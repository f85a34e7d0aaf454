using System.CommandLine;
using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Cli;

/// <summary><c>ankimcp init [--tutorial]</c>: makes the collection folder ready and links it to Anki's active profile.</summary>
internal static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        Option<bool> tutorial = new("--tutorial") { Description = "Also write a short tutorial deck that explains the collection." };
        Command command = new("init", "Make the collection folder an AnkiMcp collection: default note types, media/, git, sync state, Anki profile.");
        command.Options.Add(tutorial);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using AnkiConnectClient client = new(AnkiConnectOptions.Resolve(parseResult.GetValue(GlobalOptions.AnkiUrl)));
            CollectionInitResult result = await CollectionInitializer.InitializeAsync(
                GlobalOptions.ResolveCollection(parseResult), parseResult.GetValue(tutorial), client, cancellationToken);
            if (parseResult.GetValue(GlobalOptions.Json))
            {
                await console.PlainOutput.WriteLineAsync(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
                return 0;
            }
            await console.PlainOutput.WriteLineAsync($"AnkiMcp collection ready in {result.CollectionDirectory}");
            await console.PlainOutput.WriteLineAsync(result.ProfileName is null
                ? "Anki was not reachable: the first sync links the collection to Anki's active profile."
                : $"Linked to the Anki profile '{result.ProfileName}'.");
            if (result.TutorialFile is not null)
                await console.PlainOutput.WriteLineAsync($"Tutorial deck: {Path.GetFileName(result.TutorialFile)}");
            await console.PlainOutput.WriteLineAsync("Next: add notes to a deck file (or run 'ankimcp anki-to-markdown' to bring Anki's notes in), then 'ankimcp sync'.");
            return 0;
        });
        return command;
    }
}
