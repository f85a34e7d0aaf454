using System.Text.Json;
using System.Text.Json.Serialization;
using AnkiMcp.Core.IO;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// What both sides looked like when the last full two-way sync found them agreeing and changed nothing: the digest of
/// the collection files it planned from, the digest of what Anki told it, the note types it searched Anki for, the
/// media the deck files reference, and the Anki clock it recorded in the state. A sync that finds all of it the same,
/// every note older than that clock and every referenced media file still named by its content, knows its plan is
/// empty without parsing a file or reading a note: nothing it compares changed on either side. Kept in
/// <c>.ankimcp/agreement.json</c>; a full run removes it first and writes it again only when it changed nothing, so it
/// never outlives the agreement. Losing it costs one full run.
/// </summary>
/// <param name="Build">The build of the code that recorded it (another build may compare differently).</param>
/// <param name="AnkiClock">The state's Anki clock that run recorded.</param>
/// <param name="Files">The <see cref="CollectionFilesDigest"/> it planned from.</param>
/// <param name="Anki">The <see cref="AnkiStateDigest"/> of what Anki said.</param>
/// <param name="NoteTypes">The managed note types.</param>
/// <param name="Media">The media file names the deck files reference.</param>
internal sealed record SyncAgreement(string Build, long AnkiClock, string Files, string Anki, IReadOnlyList<string> NoteTypes, IReadOnlyList<string> Media)
{
    /// <summary>This build: the module version id changes with every change to the code.</summary>
    public static string ThisBuild { get; } = typeof(SyncAgreement).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The agreement recorded for this collection by this build, or null.</summary>
    public static SyncAgreement? Read(string collectionDir)
    {
        try
        {
            SyncAgreement? agreement = JsonSerializer.Deserialize(File.ReadAllBytes(PathFor(collectionDir)), SyncAgreementJson.Default.SyncAgreement);
            return agreement?.Build == ThisBuild ? agreement : null;
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Removes the recorded agreement: a run that may change something no longer vouches for it.</summary>
    public static void Forget(string collectionDir)
    {
        string path = PathFor(collectionDir);
        if (File.Exists(path))
            File.Delete(path);
    }

    public void Write(string collectionDir) => AtomicFile.WriteAllBytes(PathFor(collectionDir), JsonSerializer.SerializeToUtf8Bytes(this, SyncAgreementJson.Default.SyncAgreement));

    private static string PathFor(string collectionDir) => Path.Combine(collectionDir, ".ankimcp", "agreement.json");
}

/// <summary>The agreement file's JSON, generated at build time.</summary>
[JsonSerializable(typeof(SyncAgreement))]
internal sealed partial class SyncAgreementJson : JsonSerializerContext;
