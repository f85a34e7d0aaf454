using System.CommandLine;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Sync;
using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>Runs one sync command: resolves the collection and AnkiConnect, shows progress, prints the report.</summary>
internal static class SyncCommandRunner
{
    /// <summary>A sync command with the shared options, running <paramref name="direction"/>.</summary>
    public static Command CreateCommand(CliConsole console, string name, IReadOnlyList<string> aliases, string description, SyncDirection direction, bool withPrefer)
    {
        Command command = new(name, description);
        foreach (string alias in aliases)
            command.Aliases.Add(alias);
        SyncCommandOptions options = new(command, withPrefer);
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, parseResult, direction, options, cancellationToken));
        return command;
    }

    /// <summary>Exit code of a sync that left notes changed on both sides for the person to settle.</summary>
    public const int ConflictsOpenExitCode = 3;

    /// <summary>Exit code of a sync some of whose changes did not reach the other side (the next sync sends them again).</summary>
    public const int NotSyncedExitCode = 4;

    public static int ExitCodeOf(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.ConflictsOpen => ConflictsOpenExitCode,
        SyncOutcome.NotSynced => NotSyncedExitCode,
        _ => 0,
    };

    public static async Task<int> RunAsync(CliConsole console, ParseResult parseResult, SyncDirection direction, SyncCommandOptions options, CancellationToken cancellationToken)
    {
        string collection = GlobalOptions.ResolveCollection(parseResult);
        bool json = parseResult.GetValue(GlobalOptions.Json);
        using AnkiConnectClient client = new(AnkiConnectOptions.Resolve(parseResult.GetValue(GlobalOptions.AnkiUrl)));
        SyncEngine engine = new(collection, client);
        try
        {
            SyncReport report = await WithProgressAsync(
                !json && !console.IsErrorRedirected ? console.Error : null,
                progress => Run(engine, direction, options.Read(parseResult, progress), cancellationToken));
            SyncReportPrinter.Print(console, report, json);
            return ExitCodeOf(report.Outcome);
        }
        catch (SyncRefusedException refused)
        {
            await console.PlainError.WriteLineAsync(refused.Message);
            return 1;
        }
        catch (AnkiUnavailableException unavailable)
        {
            await console.PlainError.WriteLineAsync(unavailable.Message);
            await console.PlainError.WriteLineAsync("The folder and the sync state are consistent: run the same command again once Anki is back and it finishes the job.");
            return 1;
        }
        catch (AnkiConnectException refused)
        {
            await console.PlainError.WriteLineAsync($"Anki refused a request: {refused.Message}");
            await console.PlainError.WriteLineAsync("What reached Anki is recorded; fix the cause and run the command again.");
            return 1;
        }
        catch (Exception unexpected) when (unexpected is IOException or UnauthorizedAccessException)
        {
            await console.PlainError.WriteLineAsync($"Could not read or write the collection folder: {unexpected.Message}");
            return 1;
        }
    }

    private static Task<SyncReport> Run(SyncEngine engine, SyncDirection direction, SyncOptions options, CancellationToken cancellationToken) => direction switch
    {
        SyncDirection.MarkdownToAnki => engine.MarkdownToAnkiAsync(options, cancellationToken),
        SyncDirection.AnkiToMarkdown => engine.AnkiToMarkdownAsync(options, cancellationToken),
        _ => engine.SyncAsync(options, cancellationToken),
    };

    // Progress bars on the terminal's stderr, none when it is redirected.
    private static async Task<SyncReport> WithProgressAsync(IAnsiConsole? terminal, Func<IProgress<SyncProgress>?, Task<SyncReport>> run)
    {
        if (terminal is null)
            return await run(null);
        return await terminal.Progress().AutoClear(true).StartAsync(async context =>
        {
            Dictionary<string, ProgressTask> tasks = [];
            Progress<SyncProgress> progress = new(update =>
            {
                if (!tasks.TryGetValue(update.Stage, out ProgressTask? task))
                    tasks[update.Stage] = task = context.AddTask(update.Stage, maxValue: update.Total);
                task.MaxValue = update.Total;
                task.Value = update.Done;
            });
            return await run(progress);
        });
    }
}
