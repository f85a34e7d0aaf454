using System.Text.Json;
using AnkiMcp.Core.Sync;
using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>Prints a sync report: a coloured table on a terminal, plain lines when redirected, JSON with <c>--json</c>.</summary>
internal static class SyncReportPrinter
{
    public static void Print(CliConsole console, SyncReport report, bool json)
    {
        if (json)
            console.PlainOutput.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
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
                text.WriteLine($"  {Verb(change.Kind),-8} {Side(change),-11} {change.NoteKey ?? "(new)",-12} {Describe(change)}");
        }
        foreach (MediaRename rename in report.Plan.RenamedMedia)
            text.WriteLine($"media renamed by content: media/{rename.From} -> media/{rename.To} (references follow)");
        foreach (MediaTransfer media in report.Plan.Media)
            text.WriteLine($"media to {media.Target}: {media.FileName}");
        foreach (UnsyncedNote note in report.NotSynced)
            text.WriteLine($"not synced: {note.NoteKey} ({note.DeckName}, \"{note.Summary}\"): {note.Reason}. {note.WhatToDo}");
        foreach (string warning in report.Warnings)
            text.WriteLine($"warning: {warning}");
        if (Unmanaged(report) is { } unmanaged)
            text.WriteLine(unmanaged);
        if (Closing(report) is { } closing)
            text.WriteLine(closing);
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
                    table.AddRow(Markup.Escape(deck.DeckName), $"[{Colour(change.Kind)}]{Verb(change.Kind)}[/]", Side(change),
                        Markup.Escape(change.NoteKey ?? "(new)"), Markup.Escape(change.NoteTypeName), Markup.Escape(Describe(change)));
                }
            }
            foreach (MediaRename rename in report.Plan.RenamedMedia)
                table.AddRow("", "[teal]media renamed[/]", "Markdown", Markup.Escape(rename.To), "", Markup.Escape($"was {rename.From}: named by its content; references follow"));
            foreach (MediaTransfer media in report.Plan.Media)
                table.AddRow("", "[teal]media[/]", media.Target.ToString(), Markup.Escape(media.FileName), "", "");
            terminal.Write(table);
        }
        foreach (UnsyncedNote note in report.NotSynced)
            terminal.MarkupLine($"[red]not synced:[/] {Markup.Escape($"{note.NoteKey} ({note.DeckName}, \"{note.Summary}\"): {note.Reason}.")} [bold]{Markup.Escape(note.WhatToDo)}[/]");
        foreach (string warning in report.Warnings)
            terminal.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        if (Unmanaged(report) is { } unmanaged)
            terminal.MarkupLine($"[grey]{Markup.Escape(unmanaged)}[/]");
        if (Closing(report) is { } closing)
            terminal.MarkupLine($"[bold]{Markup.Escape(closing)}[/]");
        if (report.SnapshotCommit is not null)
            terminal.MarkupLine($"[grey]git snapshot before the sync: {report.SnapshotCommit[..12]}[/]");
    }

    /// <summary>"How the note changes" for one line: its first field, the fields that change, and the detail.</summary>
    private static string Describe(SyncChange change)
    {
        string text = change.Summary.Length > 0 ? $"\"{change.Summary}\"" : change.NoteTypeName;
        if (change.Fields.Count > 0)
            text += $" [{string.Join(", ", change.Fields)}]";
        return change.Detail is null ? text : $"{text} — {change.Detail}";
    }

    private static string Side(SyncChange change) => change.Kind == SyncChangeKind.Conflict ? "both" : "in " + change.Target;

    private static string? Unmanaged(SyncReport report) => report.UnmanagedNotes.Count == 0 ? null
        : $"left alone: {report.UnmanagedNotes.Values.Sum()} Anki notes of note types not in note_types/ ("
          + string.Join(", ", report.UnmanagedNotes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}"))
          + $"). To sync them, bring their type in: ankimcp note-types --add \"{report.UnmanagedNotes.OrderByDescending(pair => pair.Value).First().Key}\"";

    private static string? Closing(SyncReport report) => report.Outcome switch
    {
        SyncOutcome.ConflictsOpen => $"{report.Conflicts.Count} note{(report.Conflicts.Count == 1 ? " was" : "s were")} changed on both sides: Anki's version is in conflicts/. "
            + "Settle each by editing the note's deck file and deleting conflicts/KEY.md, or with --prefer markdown:KEY / --prefer anki:KEY (or --prefer markdown|anki for all), then sync again.",
        SyncOutcome.NotSynced => $"Markdown and Anki are not in step yet: {report.NotSynced.Count} note{(report.NotSynced.Count == 1 ? "" : "s")} did not sync (see above); sync again once fixed.",
        _ => null,
    };

    private static string Headline(SyncReport report)
    {
        string command = SyncEngine.CommandName(report.Direction);
        if (report.Plan.IsEmpty && report.NotSynced.Count == 0)
            return report.DryRun ? $"{command} (dry run): nothing to do, Markdown and Anki agree." : $"{command}: nothing to do, Markdown and Anki agree.";
        if (report.Plan.IsEmpty)
            return $"{command}: Markdown and Anki are NOT in step ({report.NotSynced.Count} note{(report.NotSynced.Count == 1 ? "" : "s")} not synced).";
        string changes = Summary(report.Plan.Changes) + (report.Plan.Media.Count > 0 ? $", {report.Plan.Media.Count} media" : "")
            + (report.Plan.RenamedMedia.Count > 0 ? $", {report.Plan.RenamedMedia.Count} media renamed" : "");
        // The first line alone must never read as agreement while a note did not sync.
        string notSynced = report.NotSynced.Count == 0 ? "" : $"; NOT in step: {report.NotSynced.Count} note{(report.NotSynced.Count == 1 ? "" : "s")} not synced";
        return report.DryRun ? $"{command} (dry run, nothing was changed) would make: {changes}{notSynced}" : $"{command}: {changes}{notSynced}";
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
