using System.Text.Json;
using System.Text.Json.Serialization;
using AnkiMcp.Core.Sync;
using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>Prints a sync report: a coloured table on a terminal, plain lines when redirected, JSON with <c>--json</c>.</summary>
internal static class SyncReportPrinter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Print(CliConsole console, SyncReport report, bool json)
    {
        if (json)
            console.PlainOutput.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
        else if (console.IsOutputRedirected)
            console.PlainOutput.Write(ToPlainText(report));
        else
            PrintTable(console.Output, report);
    }

    public static string ToPlainText(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using StringWriter text = new();
        text.WriteLine(Headline(report));
        foreach (NoteTypeChange type in report.Plan.NoteTypes)
            text.WriteLine($"  note type {Verb(type.Kind)} in Anki: {type.Name}{(type.Detail is null ? "" : $" ({type.Detail})")}");
        foreach (DeckPlan deck in report.Plan.ByDeck)
        {
            text.WriteLine($"{deck.DeckName}: {Summary(deck.Changes)}");
            foreach (SyncChange change in deck.Changes)
                text.WriteLine($"  {Verb(change.Kind),-8} {change.Target,-8} {change.NoteKey ?? "(new)",-12} {change.NoteTypeName}{(change.Detail is null ? "" : " — " + change.Detail)}");
        }
        foreach (MediaTransfer media in report.Plan.Media)
            text.WriteLine($"media to {media.Target}: {media.FileName}");
        foreach (string warning in report.Warnings)
            text.WriteLine($"warning: {warning}");
        if (report.SnapshotCommit is not null)
            text.WriteLine($"git snapshot before the sync: {report.SnapshotCommit[..12]}");
        return text.ToString();
    }

    private static void PrintTable(IAnsiConsole terminal, SyncReport report)
    {
        terminal.MarkupLine($"[bold]{Markup.Escape(Headline(report))}[/]");
        if (!report.Plan.IsEmpty)
        {
            Table table = new Table().Border(TableBorder.Rounded).AddColumns("Deck", "Change", "Side", "Note", "Type", "Detail");
            foreach (NoteTypeChange type in report.Plan.NoteTypes)
                table.AddRow("", $"[blue]note type {Verb(type.Kind)}[/]", "Anki", "", Markup.Escape(type.Name), Markup.Escape(type.Detail ?? ""));
            foreach (DeckPlan deck in report.Plan.ByDeck)
            {
                foreach (SyncChange change in deck.Changes)
                {
                    table.AddRow(Markup.Escape(deck.DeckName), $"[{Colour(change.Kind)}]{Verb(change.Kind)}[/]", change.Target.ToString(),
                        Markup.Escape(change.NoteKey ?? "(new)"), Markup.Escape(change.NoteTypeName), Markup.Escape(change.Detail ?? ""));
                }
            }
            foreach (MediaTransfer media in report.Plan.Media)
                table.AddRow("", "[teal]media[/]", media.Target.ToString(), Markup.Escape(media.FileName), "", "");
            terminal.Write(table);
        }
        foreach (string warning in report.Warnings)
            terminal.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        if (report.SnapshotCommit is not null)
            terminal.MarkupLine($"[grey]git snapshot before the sync: {report.SnapshotCommit[..12]}[/]");
    }

    private static string Headline(SyncReport report)
    {
        string command = SyncEngine.CommandName(report.Direction);
        if (report.Plan.IsEmpty)
            return $"{command}: nothing to do, Markdown and Anki agree.";
        string changes = Summary(report.Plan.Changes) + (report.Plan.Media.Count > 0 ? $", {report.Plan.Media.Count} media" : "");
        return report.DryRun ? $"{command} (dry run, nothing was changed) would make: {changes}" : $"{command}: {changes}";
    }

    private static string Summary(IEnumerable<SyncChange> changes)
    {
        List<string> parts = [.. changes
            .GroupBy(change => (change.Kind, change.Target))
            .OrderBy(group => group.Key.Kind).ThenBy(group => group.Key.Target)
            .Select(group => group.Key.Kind == SyncChangeKind.Conflict
                ? $"{group.Count()} conflict{(group.Count() == 1 ? "" : "s")}"
                : $"{group.Count()} {Verb(group.Key.Kind)} in {group.Key.Target}")];
        return parts.Count == 0 ? "no note changes" : string.Join(", ", parts);
    }

    private static string Verb(SyncChangeKind kind) => kind switch
    {
        SyncChangeKind.Create => "create",
        SyncChangeKind.Update => "update",
        SyncChangeKind.Move => "move",
        SyncChangeKind.Delete => "delete",
        _ => "conflict",
    };

    private static string Colour(SyncChangeKind kind) => kind switch
    {
        SyncChangeKind.Create => "green",
        SyncChangeKind.Update => "yellow",
        SyncChangeKind.Move => "blue",
        SyncChangeKind.Delete => "red",
        _ => "magenta bold",
    };
}
