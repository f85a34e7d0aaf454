namespace AnkiMcp.Core.Sync;

/// <summary>The media a sync copies: files Anki lacks go up, files the folder lacks come down.</summary>
/// <param name="Uploads">Files to store in Anki, with their content digest.</param>
/// <param name="AlreadyInAnki">Files Anki has already, with the digest to remember as pushed.</param>
/// <param name="Downloads">Files to fetch from Anki into <c>media/</c>.</param>
/// <param name="Warnings">Referenced files found on neither side.</param>
internal sealed record MediaPlan(
    IReadOnlyDictionary<string, string> Uploads,
    IReadOnlyDictionary<string, string> AlreadyInAnki,
    IReadOnlyList<string> Downloads,
    IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<MediaTransfer> Transfers =>
        [.. Uploads.Keys.Order(StringComparer.Ordinal).Select(name => new MediaTransfer(name, SyncSide.Anki)),
         .. Downloads.Order(StringComparer.Ordinal).Select(name => new MediaTransfer(name, SyncSide.Markdown))];
}
