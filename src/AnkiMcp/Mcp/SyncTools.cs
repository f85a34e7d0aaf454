using System.ComponentModel;
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
        [Description("Only report what would change")] bool dryRun = false,
        CancellationToken cancellationToken = default)
    {
        SyncDirection parsed = direction.Trim().ToLowerInvariant() switch
        {
            "both" or "sync" or "two-way" => SyncDirection.TwoWay,
            "markdown-to-anki" or "ma" => SyncDirection.MarkdownToAnki,
            "anki-to-markdown" or "am" => SyncDirection.AnkiToMarkdown,
            _ => throw new McpException($"direction '{direction}' is unknown; use both, markdown-to-anki or anki-to-markdown."),
        };
        SyncOptions options = new() { DryRun = dryRun };

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
        int conflicts = report.Plan.Conflicts.Count();
        string name = parsed == SyncDirection.TwoWay ? "both" : SyncEngine.CommandName(parsed);
        string message = report.Plan.IsEmpty
            ? "Markdown and Anki were already in step; nothing changed."
            : $"{(report.DryRun ? "Would change" : "Changed")} Anki: {anki}; Markdown: {markdown}" + (conflicts > 0 ? $"; {conflicts} conflicts kept for the person to settle." : ".");
        return new SyncResult(name, report.DryRun, anki, markdown, conflicts, report.Warnings, message);
    }
}
