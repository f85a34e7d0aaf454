using System.ComponentModel;
using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Sync;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>Syncing the Markdown collection and Anki.</summary>
[McpServerToolType]
internal sealed class SyncTools(SyncEngine engine, ProposalStore store)
{
    [McpServerTool(Name = "sync", Title = "Sync Markdown and Anki", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true)]
    [Description("Syncs the Markdown collection with Anki: 'both' (default) carries each side's changes since the last sync to the other; " +
        "'markdown-to-anki' makes Anki match the files; 'anki-to-markdown' makes the files match Anki. Cards created while Anki was closed " +
        "reach Anki this way. Use dry_run first when the person is unsure: it reports what would change and changes nothing. Needs Anki running.")]
    public async Task<SyncResult> Sync(
        [Description("both, markdown-to-anki (also 'ma') or anki-to-markdown (also 'am')")] string direction = "both",
        [Description("Only report what would change")] bool dry_run = false,
        [Description("How to settle notes changed on both sides, as the person decided: 'markdown' or 'anki' for all, 'markdown:KEY' or 'anki:KEY' for one note. Leave out to keep both versions and report the conflicts.")]
        string[]? prefer = null,
        CancellationToken cancellationToken = default)
    {
        SyncDirection parsed = direction.Trim().ToLowerInvariant() switch
        {
            "both" or "sync" or "two-way" => SyncDirection.TwoWay,
            "markdown-to-anki" or "ma" => SyncDirection.MarkdownToAnki,
            "anki-to-markdown" or "am" => SyncDirection.AnkiToMarkdown,
            _ => throw new McpException($"direction '{Quoted.Of(direction)}' is unknown; use both, markdown-to-anki or anki-to-markdown."),
        };
        ParsedPreferences preferences = PreferenceParser.Parse(prefer ?? []);
        if (preferences.Error is not null)
            throw new McpException(preferences.Error);
        SyncOptions options = new() { DryRun = dry_run, Prefer = preferences.All, PreferByKey = preferences.ByKey };

        SyncReport report;
        try
        {
            report = parsed switch
            {
                SyncDirection.MarkdownToAnki => await engine.MarkdownToAnkiAsync(options, cancellationToken),
                SyncDirection.AnkiToMarkdown => await engine.AnkiToMarkdownAsync(options, cancellationToken),
                _ => await engine.SyncAsync(options, cancellationToken),
            };
        }
        catch (Exception error) when (error is AnkiUnavailableException or SyncRefusedException or AnkiConnectException)
        {
            throw new McpException(error.Message, error);
        }

        if (!report.DryRun)
        {
            string[] pushed = [.. report.Plan.Changes.Where(change => change is { Kind: SyncChangeKind.Create, Target: SyncSide.Anki, NoteKey: not null }).Select(change => change.NoteKey!)];
            await store.RecordAnkiDeliveryAsync(pushed, reachedAnki: true, cancellationToken);
        }

        SyncCounts anki = SyncCounts.Of(report.Plan, SyncSide.Anki);
        SyncCounts markdown = SyncCounts.Of(report.Plan, SyncSide.Markdown);
        int conflicts = report.Conflicts.Count;
        string name = parsed == SyncDirection.TwoWay ? "both" : SyncEngine.CommandName(parsed);
        string message = report.Outcome switch
        {
            SyncOutcome.InStep when report.Plan.IsEmpty => "Markdown and Anki were already in step; nothing changed.",
            SyncOutcome.InStep => $"Changed Anki: {anki}; Markdown: {markdown}. Both sides are now in step.",
            SyncOutcome.DryRun => $"Would change Anki: {anki}; Markdown: {markdown}"
                + (conflicts > 0 ? $"; {conflicts} conflicts would be kept for the person to settle" : "")
                + (report.NotSynced.Count > 0 ? $"; {report.NotSynced.Count} notes could not be written now (see not_synced)" : "") + ". Nothing was changed.",
            SyncOutcome.ConflictsOpen => $"Changed Anki: {anki}; Markdown: {markdown}; {conflicts} notes were changed on both sides and are NOT in step: "
                + "Anki's version of each is in conflicts/KEY.md. The person settles each by editing the note's deck file and deleting conflicts/KEY.md, or with `ankimcp sync --prefer markdown:KEY` / `--prefer anki:KEY`."
                + (report.NotSynced.Count > 0 ? $" Also, {report.NotSynced.Count} note{(report.NotSynced.Count == 1 ? "" : "s")} did NOT sync (see not_synced for the cause and what to do)." : ""),
            _ => $"Changed Anki: {anki}; Markdown: {markdown}; {report.NotSynced.Count} notes did NOT sync (see not_synced for the cause and what to do); the next sync sends them again.",
        };
        return new SyncResult(name, report.DryRun, JsonNamingPolicy.CamelCase.ConvertName(report.Outcome.ToString()), anki, markdown, conflicts,
            [.. report.Plan.Changes.Take(SyncChangeView.MaxShown).Select(SyncChangeView.Of)], report.NotSynced, report.UnmanagedNotes, report.Warnings, message);
    }
}
