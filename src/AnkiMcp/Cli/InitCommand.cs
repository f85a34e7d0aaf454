using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Proposals;
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
            CollectionInitResult result;
            try
            {
                result = await CollectionInitializer.InitializeAsync(
                    GlobalOptions.ResolveCollection(parseResult), parseResult.GetValue(tutorial), client, cancellationToken);
            }
            catch (CollectionFormatException invalid)
            {
                await console.PlainError.WriteLineAsync($"The folder's note types have errors; fix them, then run init again. Nothing was written.{Environment.NewLine}{invalid.Message}");
                return 1;
            }
            Dictionary<string, string?> cardKinds = CardKinds(result.CollectionDirectory);
            if (parseResult.GetValue(GlobalOptions.Json))
            {
                JsonNode output = JsonSerializer.SerializeToNode(result, JsonSerializerOptions.Web)!;
                output["cardKinds"] = JsonSerializer.SerializeToNode(cardKinds, JsonSerializerOptions.Web);
                await console.PlainOutput.WriteLineAsync(output.ToJsonString(JsonSerializerOptions.Web));
                return 0;
            }
            await console.PlainOutput.WriteLineAsync($"AnkiMcp collection ready in {result.CollectionDirectory}");
            await console.PlainOutput.WriteLineAsync(result.ProfileName is null
                ? "Anki was not reachable: the first sync links the collection to Anki's active profile."
                : $"Linked to the Anki profile '{result.ProfileName}'.");
            if (result.NoteTypesAdded.Count > 0)
                await console.PlainOutput.WriteLineAsync($"Note types added: {string.Join(", ", result.NoteTypesAdded)}");
            foreach (SkippedNoteType skipped in result.NoteTypesSkipped)
                await console.PlainOutput.WriteLineAsync($"Not added: {skipped.Name}, because {skipped.Reason}.");
            await console.PlainOutput.WriteLineAsync("Card kinds: " + string.Join(", ", cardKinds.Select(kind => $"{kind.Key} → {kind.Value ?? "none (cards of this kind cannot be created)"}")));
            if (result.TutorialFile is not null)
                await console.PlainOutput.WriteLineAsync($"Tutorial deck: {Path.GetFileName(result.TutorialFile)}");
            await console.PlainOutput.WriteLineAsync("Next: add notes to a deck file (or run 'ankimcp anki-to-markdown' to bring Anki's notes in), then 'ankimcp sync'.");
            return 0;
        });
        return command;
    }

    // Which note type each card kind becomes in this folder (see CardKindSchema.NoteTypeIn).
    private static Dictionary<string, string?> CardKinds(string collectionDirectory)
    {
        NoteTypeRegistry types = NoteTypeRegistry.Load(collectionDirectory);
        return Enum.GetValues<CardKind>().ToDictionary(CardDraftValidator.Describe, kind => CardKindSchema.For(kind).NoteTypeIn(types)?.Name);
    }
}
