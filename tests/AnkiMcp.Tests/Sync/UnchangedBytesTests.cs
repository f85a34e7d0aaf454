using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

/// <summary>Nothing is rewritten that did not change: when Anki changes one note, the other notes of its deck file stay
/// byte for byte as the person wrote them (tags order, note_type comments, line ends), and the changed note keeps its
/// tags line and note_type comment when those did not change.</summary>
public sealed class UnchangedBytesTests
{
    [Fact]
    public async Task ANeighbourChangedInAnki_LeavesTheOtherNotesByteForByte()
    {
        await using SyncWorld world = await SyncWorld.StartAsync();
        world.Write("Rust.md",
            "<!-- note_type: AnkiMcpQA -->\r\n<!-- tags: rust ownership -->\r\nQ: Who owns a value?\r\nA: exactly one binding\r\n\r\n---\r\n\r\n"
            + "<!-- note_type: AnkiMcpQA -->\r\n<!-- tags: zeta alpha -->\r\nQ: What is a borrow?\r\nA: a reference\r\n");
        await world.SyncAsync();
        string synced = world.Read("Rust.md");
        string untouched = synced[..synced.IndexOf("---", StringComparison.Ordinal)];
        world.Anki.EditNote(world.NoteWithQuestion("What is a borrow?").Id, "Answer", "a <b>reference</b> that does not own");

        SyncReport report = await world.SyncAsync();

        Assert.Equal(1, report.Plan.Count(SyncChangeKind.Update, SyncSide.Markdown));
        string after = world.Read("Rust.md");
        Assert.StartsWith(untouched, after, StringComparison.Ordinal);
        Assert.Contains("<!-- tags: rust ownership -->\r\n", untouched, StringComparison.Ordinal);
        string changed = after[untouched.Length..];
        Assert.Contains("<!-- note_type: AnkiMcpQA -->\r\n", changed, StringComparison.Ordinal);
        Assert.Contains("<!-- tags: zeta alpha -->\r\n", changed, StringComparison.Ordinal);
        Assert.Contains("A: a **reference** that does not own\r\n", changed, StringComparison.Ordinal);
        Assert.True((await world.SyncAsync()).Plan.IsEmpty);
    }
}
