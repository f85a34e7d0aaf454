using System.CommandLine;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Quality;

namespace AnkiMcp.Cli;

/// <summary>
/// <c>ankimcp lint [--deck NAME] [--json]</c>: runs the card rules that flag proposals over the notes already in the
/// Markdown collection. Exit codes: 0 nothing flagged; 2 some notes flagged; 1 not everything could be checked (no
/// collection, broken note types, an unknown deck, a deck file with errors).
/// </summary>
internal static class LintCommand
{
    public const int Flagged = 2;

    public static Command Create(CliConsole console)
    {
        Option<string?> deck = new("--deck") { Description = "Only this deck (Anki name, e.g. \"Programming::Rust\"), with its subdecks." };
        Command command = new("lint", "Check the collection's notes against the rules of good cards (one fact, no orphan context, short answers, …) " +
            "and list what each rule flags. Exit code 0: nothing flagged; 2: notes flagged; 1: not everything could be checked.")
        {
            deck,
        };
        command.SetAction(parseResult =>
        {
            string directory = GlobalOptions.ResolveCollection(parseResult);
            if (!Directory.Exists(directory))
            {
                console.PlainError.WriteLine($"ankimcp lint: the collection folder {directory} does not exist; pass --collection or set ANKIMCP_COLLECTION.");
                return 1;
            }

            CollectionLintReport report;
            try
            {
                report = CollectionLinter.Lint(MarkdownCollection.Load(directory), parseResult.GetValue(deck));
            }
            catch (CollectionFormatException e)
            {
                console.PlainError.WriteLine($"ankimcp lint: nothing checked; fix this first:{Environment.NewLine}{e.Message}");
                return 1;
            }

            LintReportPrinter.Print(console, report, parseResult.GetValue(GlobalOptions.Json));
            return report.Errors.Count > 0 ? 1 : report.Flagged.Count > 0 ? Flagged : 0;
        });
        return command;
    }
}
