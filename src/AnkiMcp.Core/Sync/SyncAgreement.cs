using System.Buffers;
using System.Text.Json;
using AnkiMcp.Core.IO;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// What both sides looked like when the last full two-way sync found them agreeing and changed nothing: the digest of
/// the collection files it planned from, the digest of what Anki told it, the note types it searched Anki for, the
/// media the deck files reference, the Anki clock it recorded in the state and the Anki profile the state links the
/// collection to. A sync that finds all of it the same, every note older than that clock and every referenced media
/// file still named by its content, knows its plan is empty without parsing a file, reading a note or opening the
/// state: nothing it compares changed on either side. Kept in <c>.ankimcp/agreement.json</c>; a full run removes it
/// first and writes it again only when it changed nothing, and every write to the state removes it
/// (<see cref="SyncStateStore"/>), so it never outlives the agreement or the state it was recorded with. Losing it
/// costs one full run.
/// </summary>
/// <param name="Build">The build of the code that recorded it (another build may compare differently).</param>
/// <param name="AnkiClock">The state's Anki clock that run recorded.</param>
/// <param name="Profile">The Anki profile the state links the collection to.</param>
/// <param name="Files">The <see cref="CollectionFilesDigest"/> it planned from.</param>
/// <param name="Anki">The <see cref="AnkiStateDigest"/> of what Anki said.</param>
/// <param name="NoteTypes">The managed note types.</param>
/// <param name="Media">The media file names the deck files reference.</param>
internal sealed record SyncAgreement(string Build, long AnkiClock, string Profile, string Files, string Anki, IReadOnlyList<string> NoteTypes, IReadOnlyList<string> Media)
{
    /// <summary>This build: the module version id changes with every change to the code.</summary>
    public static string ThisBuild { get; } = typeof(SyncAgreement).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The agreement recorded for this collection by this build, or null.</summary>
    public static SyncAgreement? Read(string collectionDir)
    {
        try
        {
            SyncAgreement? agreement = Parse(File.ReadAllBytes(PathFor(collectionDir)));
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

    public void Write(string collectionDir)
    {
        ArrayBufferWriter<byte> json = new(1024);
        using (Utf8JsonWriter writer = new(json))
        {
            writer.WriteStartObject();
            writer.WriteString("build"u8, Build);
            writer.WriteNumber("ankiClock"u8, AnkiClock);
            writer.WriteString("profile"u8, Profile);
            writer.WriteString("files"u8, Files);
            writer.WriteString("anki"u8, Anki);
            WriteList(writer, "noteTypes"u8, NoteTypes);
            WriteList(writer, "media"u8, Media);
            writer.WriteEndObject();
        }
        AtomicFile.WriteAllBytes(PathFor(collectionDir), json.WrittenSpan.ToArray());
    }

    // Read with the JsonDocument the AnkiConnect replies are read with: no serializer metadata to build at start.
    private static SyncAgreement? Parse(byte[] json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || Text(root, "build"u8) is not { } build
            || !root.TryGetProperty("ankiClock"u8, out JsonElement ankiClock) || !ankiClock.TryGetInt64(out long clock)
            || Text(root, "profile"u8) is not { } profile
            || Text(root, "files"u8) is not { } files
            || Text(root, "anki"u8) is not { } anki
            || Texts(root, "noteTypes"u8) is not { } noteTypes
            || Texts(root, "media"u8) is not { } media)
        {
            return null;
        }
        return new SyncAgreement(build, clock, profile, files, anki, noteTypes, media);
    }

    private static string? Text(JsonElement parent, ReadOnlySpan<byte> name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? Texts(JsonElement parent, ReadOnlySpan<byte> name)
    {
        if (!parent.TryGetProperty(name, out JsonElement array) || array.ValueKind != JsonValueKind.Array)
            return null;
        List<string> texts = new(array.GetArrayLength());
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                return null;
            texts.Add(item.GetString()!);
        }
        return texts;
    }

    private static void WriteList(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static string PathFor(string collectionDir) => Path.Combine(collectionDir, ".ankimcp", "agreement.json");
}
