using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.Media;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Copies the media files the synced notes reference: up to Anki only when Anki lacks them (a digest remembers what
/// was pushed, so unchanged files cost no request), down into <c>media/</c> when the folder lacks them. Names carry the
/// content's digest (see <see cref="MediaRenamer"/>), so a name Anki has holds the same content. A symbolic link out of
/// the collection is never read.
/// </summary>
internal sealed class MediaSynchronizer(AnkiConnectClient client, string collectionDirectory, IReadOnlyDictionary<string, ManagedNoteType> types)
{
    private const int UploadBytesPerRequest = 8 << 20;

    private readonly MediaFolder _folder = new(collectionDirectory);

    private string MediaDirectory => _folder.Path;

    /// <summary>Plans the copies; <paramref name="renamedFrom"/> gives, for a file that gets its hashed name in this run, the name it has on disk until then.</summary>
    public async Task<MediaPlan> PlanAsync(IReadOnlyList<NoteDecision> decisions, IReadOnlyDictionary<string, string> pushed, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? renamedFrom = null)
    {
        List<string> warnings = [];
        Dictionary<string, string> candidates = new(StringComparer.Ordinal);
        foreach (NoteDecision decision in decisions.Where(decision => decision.Has(SyncChangeKind.Create, SyncSide.Anki) || decision.Has(SyncChangeKind.Update, SyncSide.Anki)))
        {
            foreach (string name in MediaReferences.In(NoteConverter.AnkiHtml(decision.Local!, types[decision.Local!.NoteTypeName]).Values))
            {
                MediaFileState file = _folder.Inspect(renamedFrom?.GetValueOrDefault(name) ?? name);
                if (file.Kind != MediaFileKind.Readable)
                {
                    warnings.Add($"{decision.Local.File}:{decision.Local.Line}: {file.Problem(name)}.");
                    continue;
                }
                string digest = await MediaFolder.DigestAsync(file.Path!, cancellationToken);
                if (pushed.GetValueOrDefault(name) != digest)
                    candidates[name] = digest;
            }
        }

        Dictionary<string, string> uploads = new(StringComparer.Ordinal);
        Dictionary<string, string> present = new(StringComparer.Ordinal);
        if (candidates.Count > 0)
        {
            HashSet<string> inAnki = [.. (await client.InvokeAsync("getMediaFilesNames", new { pattern = "*" }, cancellationToken)).EnumerateArray().Select(name => name.GetString()!)];
            foreach ((string name, string digest) in candidates)
                (inAnki.Contains(name) ? present : uploads)[name] = digest;
        }

        List<string> downloads = [.. decisions
            .Where(PulledNotes.WritesAnkiVersion)
            .SelectMany(decision => MediaReferences.In(decision.Remote!.Fields.Values))
            .Distinct(StringComparer.Ordinal)
            .Where(name => !File.Exists(Path.Combine(MediaDirectory, name)))];
        return new MediaPlan(uploads, present, downloads, warnings);
    }

    public async Task UploadAsync(MediaPlan plan, SyncStateTransaction transaction, CancellationToken cancellationToken)
    {
        foreach ((string name, string digest) in plan.AlreadyInAnki)
            transaction.SetPushedMedia(name, digest);
        List<(AnkiAction Action, string Name)> batch = [];
        long batchBytes = 0;
        foreach ((string name, string digest) in plan.Uploads)
        {
            byte[] content = await File.ReadAllBytesAsync(_folder.FullPathOf(name), cancellationToken);
            if (batchBytes + content.Length > UploadBytesPerRequest && batch.Count > 0)
            {
                await StoreAsync(batch, plan, transaction, cancellationToken);
                batch.Clear();
                batchBytes = 0;
            }
            batch.Add((AnkiAction.Written("storeMediaFile", writer =>
            {
                writer.WriteString("filename"u8, name);
                writer.WriteBase64String("data"u8, content);
                writer.WriteBoolean("deleteExisting"u8, true);
            }), name));
            batchBytes += content.Length;
        }
        if (batch.Count > 0)
            await StoreAsync(batch, plan, transaction, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> DownloadAsync(MediaPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Downloads.Count == 0)
            return [];
        List<string> warnings = [];
        IReadOnlyList<AnkiActionResult> results = await client.MultiAsync(
            [.. plan.Downloads.Select(name => AnkiAction.Written("retrieveMediaFile", writer => writer.WriteString("filename"u8, name)))], cancellationToken);
        Directory.CreateDirectory(MediaDirectory);
        for (int i = 0; i < results.Count; i++)
        {
            JsonElement content = results[i].GetResultOrThrow();
            if (content.ValueKind != JsonValueKind.String)
            {
                warnings.Add($"media/{plan.Downloads[i]} is referenced by an Anki note but Anki does not have it either.");
                continue;
            }
            string path = Path.Combine(MediaDirectory, plan.Downloads[i]);
            string temporary = path + ".ankimcp-tmp";
            await File.WriteAllBytesAsync(temporary, content.GetBytesFromBase64(), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        return warnings;
    }

    private async Task StoreAsync(List<(AnkiAction Action, string Name)> batch, MediaPlan plan, SyncStateTransaction transaction, CancellationToken cancellationToken)
    {
        IReadOnlyList<AnkiActionResult> results = await client.MultiAsync([.. batch.Select(item => item.Action)], cancellationToken);
        for (int i = 0; i < results.Count; i++)
        {
            results[i].GetResultOrThrow();
            transaction.SetPushedMedia(batch[i].Name, plan.Uploads[batch[i].Name]);
        }
    }
}
