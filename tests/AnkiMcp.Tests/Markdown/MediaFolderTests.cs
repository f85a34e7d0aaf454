using System.Text;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.Media;

namespace AnkiMcp.Tests.Markdown;

public sealed class MediaFolderTests
{
    [Fact]
    public void AddStoresUnderAContentHashedName()
    {
        using TempCollection collection = new();
        MediaFolder media = new(collection.Dir);

        string first = media.Add("diagram.png", Encoding.UTF8.GetBytes("one"));
        string same = media.Add("diagram.png", Encoding.UTF8.GetBytes("one"));
        string other = media.Add("diagram.png", Encoding.UTF8.GetBytes("two"));

        Assert.Matches("^diagram_[0-9a-f]{8}\\.png$", first);
        Assert.Equal(first, same);
        Assert.NotEqual(first, other);
        Assert.Equal(new[] { first, other }.Order(StringComparer.Ordinal), media.FileNames());
        Assert.Equal("one", File.ReadAllText(media.FullPathOf(first)));
    }

    [Theory]
    [InlineData("cristae.png", "cristae_af1349b9.png")]
    [InlineData("cristae_af1349b9.png", "cristae_af1349b9.png")]
    [InlineData("cristae_1a2b3c4d.png", "cristae_af1349b9.png")]
    [InlineData("archive.tar.gz", "archive.tar_af1349b9.gz")]
    public void HashedNames_AreAnkiOps_Blake3Suffixes_KeptWhileTheyMatchTheContent(string name, string expected)
    {
        // BLAKE3 of no bytes starts af1349b9: the digest AnkiOps' blake3(...).hexdigest(length=4) gives.
        Assert.Equal(expected, MediaFolder.HashedName(name, []));
    }

    [Fact]
    public void RewriteReferences_PointsEveryFormAtTheNewName_AndKeepsTheRestByteForByte()
    {
        string text = "Q: Which?\r\nA: ![a](media/a.png){width=300} <img src=\"media/a.png\"> <img src='a.png'> [sound:a.png] ![b](media/b.png)\r\n```\n![a](media/a.png)\n```\n";

        string rewritten = MediaFolder.RewriteReferences(text, new Dictionary<string, string> { ["a.png"] = "a_12345678.png" });

        Assert.Equal("Q: Which?\r\nA: ![a](<media/a_12345678.png>){width=300} <img src=\"media/a_12345678.png\"> <img src='a_12345678.png'> [sound:a_12345678.png] ![b](media/b.png)\r\n```\n![a](media/a.png)\n```\n", rewritten);
    }

    [Fact]
    public void ReferencesAreFoundWithTheirLines()
    {
        string text = "Q: Which?\nA: ![a](media/a_00000000.png){width=300} and ![b](<media/b%20c.png>)\n<img src=\"d.jpg\"> [sound:e.mp3]\n```md\n![not](media/in_code.png)\n```\nE: ![web](https://example.com/x.png)\n";

        MediaScan scan = MediaFolder.Scan("Deck.md", text);

        Assert.Empty(scan.Errors);
        Assert.Equal([("a_00000000.png", 2), ("b c.png", 2), ("d.jpg", 3), ("e.mp3", 3)], scan.References.Select(r => (r.FileName, r.Line)));
    }

    [Fact]
    public void ReferencesInAnyCase_AreFound_AmongManyLinesWithoutMedia()
    {
        string plain = string.Concat(Enumerable.Repeat("Q: What is 2 + 2?\nA: Four, **not** five.\n\n---\n\n", 50));
        string text = plain + "Q: Listen\nA: [SOUND:f.mp3] <IMG SRC='g.png'>\n" + plain + "E: ![h](media/h.png)\n";

        MediaScan scan = MediaFolder.Scan("Deck.md", text);

        Assert.Equal([("f.mp3", 252), ("g.png", 252), ("h.png", 503)], scan.References.Select(r => (r.FileName, r.Line)));
        Assert.True(MediaFolder.MayHoldReference(text));
        Assert.False(MediaFolder.MayHoldReference(plain));
    }

    [Theory]
    [InlineData("![x](media/../secret.png)")]
    [InlineData("![x](../../etc/passwd)")]
    [InlineData("![x](/etc/passwd)")]
    [InlineData("![x](media/sub/x.png)")]
    [InlineData("![x](media/%2E%2E%2Fsecret.png)")]
    [InlineData("<img src=\"C:\\Windows\\x.png\">")]
    [InlineData("[sound:../x.mp3]")]
    public void HostileReferencesAreRefusedWithFileAndLine(string reference)
    {
        MediaScan scan = MediaFolder.Scan("Deck.md", $"Q: a\nA: {reference}\n");

        Assert.Empty(scan.References);
        CollectionError error = Assert.Single(scan.Errors);
        Assert.Equal(("Deck.md", 2), (error.File, error.Line));
        Assert.Contains("media/NAME", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x.png")]
    [InlineData("a/b.png")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("/abs.png")]
    public void HostileNamesCannotBeWritten(string name)
    {
        using TempCollection collection = new();
        Assert.Throws<ArgumentException>(() => new MediaFolder(collection.Dir).Add(name, [1]));
        Assert.False(Directory.Exists(Path.Combine(collection.Dir, "media")) && Directory.EnumerateFileSystemEntries(Path.Combine(collection.Dir, "media")).Any());
    }
}
