using System.Text.Json;

namespace AnkiMcp.Core.Anki;

public sealed partial class AnkiConnectClient
{
    /// <summary>
    /// Stores a file in Anki's media folder; returns the name Anki used. With <paramref name="deleteExisting"/> false,
    /// a different file of the same name is kept and the new one is stored as <c>stem-&lt;sha1&gt;.ext</c>.
    /// </summary>
    public Task<string> StoreMediaFileAsync(string fileName, ReadOnlyMemory<byte> data, bool deleteExisting, CancellationToken cancellationToken) =>
        CallAsync("storeMediaFile", w =>
        {
            w.WriteString("filename"u8, fileName);
            w.WriteBase64String("data"u8, data.Span);
            w.WriteBoolean("deleteExisting"u8, deleteExisting);
        }, r => r.GetString() ?? fileName, cancellationToken);

    /// <summary>The content of a media file, or null when Anki has no such file.</summary>
    public Task<byte[]?> RetrieveMediaFileAsync(string fileName, CancellationToken cancellationToken) =>
        CallAsync("retrieveMediaFile", w => w.WriteString("filename"u8, fileName),
            static r => r.ValueKind == JsonValueKind.String ? r.GetBytesFromBase64() : null, cancellationToken);

    /// <summary>The media file names matching a glob pattern such as <c>*.png</c>.</summary>
    public Task<IReadOnlyList<string>> GetMediaFilesNamesAsync(string pattern, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>("getMediaFilesNames", w => w.WriteString("pattern"u8, pattern), AnkiReply.Strings, cancellationToken);

    /// <summary>Moves a media file to Anki's media trash.</summary>
    public Task DeleteMediaFileAsync(string fileName, CancellationToken cancellationToken) =>
        CallAsync("deleteMediaFile", w => w.WriteString("filename"u8, fileName), cancellationToken);
}
