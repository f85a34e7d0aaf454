using System.Security.Cryptography;
using System.Text.Json;
using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Markdown;

namespace AnkiMcp.Tests.Sync;

public sealed class NoteTypeHashTests
{
    [Fact]
    public void Hash_IsTheOneStateFilesRecorded_TheReflectionSerializedCanonicalJson()
    {
        using TempCollection collection = new();
        IReadOnlyCollection<ManagedNoteType> types = [.. LocalCollection.Load(collection.Dir).Types.Values];
        Assert.NotEmpty(types);
        // How earlier builds wrote the hash into .ankimcp/state.db: a different one would make every collection re-check its note types in Anki.
        var canonical = types.OrderBy(type => type.Name, StringComparer.Ordinal).Select(type => new
        {
            name = type.Name,
            fields = type.Definition.AnkiFieldNames,
            cloze = type.Definition.IsCloze,
            templates = type.Definition.Templates.Select(template => new[] { template.Name, template.Front, template.Back }),
            css = type.Definition.Css,
        });
        string recorded = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical)));

        Assert.Equal(recorded, NoteTypeSynchronizer.ComputeHash(types));
    }
}
