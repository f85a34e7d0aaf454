using System.Security.Cryptography;
using System.Text;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Tests.Markdown;

public sealed class NoteFingerprintTests
{
    public static TheoryData<string, string, string, string[]> Notes => new()
    {
        { "AnkiMcpQA", "What is <b>2 + 2</b>?", "4", ["math", "basics"] },
        { "AnkiMcpCloze", "Die {{c1::Straße}} ist naß — 東京 😀", "", [] },
        { "Ü-Typ", "lone high \ud83d", "\udc00 lone low", ["tag::deep", "  spaced   tags  "] },
        { "AnkiMcpQA", new string('x', 5000), "é", ["b", "a", "b"] },
        { "AnkiMcpQA", "", "", [] },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void Fingerprint_IsTheOneStateFilesRecorded(string type, string front, string back, string[] tags)
    {
        Dictionary<string, string> fields = new() { ["Front"] = front, ["Back"] = back, ["Extra"] = "" };

        Assert.Equal(Recorded(type, fields, tags), NoteFingerprint.Compute(type, fields, tags));
    }

    [Fact]
    public void Fingerprint_OfANoteWithoutFields_IsTheOneStateFilesRecorded()
    {
        Dictionary<string, string> none = [];

        Assert.Equal(Recorded("AnkiMcpQA", none, ["t"]), NoteFingerprint.Compute("AnkiMcpQA", none, ["t"]));
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyField()
    {
        Dictionary<string, string> fields = new() { ["Front"] = "a", ["Back"] = "b" };
        string before = NoteFingerprint.Compute("AnkiMcpQA", fields, []);
        fields["Back"] = "c";

        Assert.NotEqual(before, NoteFingerprint.Compute("AnkiMcpQA", fields, []));
    }

    // How earlier builds computed the fingerprints in .ankimcp/state.db: one canonical string, encoded as UTF-8 at once.
    private static string Recorded(string noteTypeName, IReadOnlyDictionary<string, string> fields, IEnumerable<string> tags)
    {
        StringBuilder canonical = new();
        Append(canonical, noteTypeName);
        foreach (KeyValuePair<string, string> field in fields.Where(f => f.Value.Length > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Append(canonical, field.Key);
            Append(canonical, field.Value);
        }
        canonical.Append('\u001e');
        foreach (string tag in NoteTags.Normalize(tags))
            Append(canonical, tag);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()))[..8]);
    }

    private static void Append(StringBuilder builder, string value) => builder.Append(value.Length).Append(':').Append(value).Append('\u001f');
}
