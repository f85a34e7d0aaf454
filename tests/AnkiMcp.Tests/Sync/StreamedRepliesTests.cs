using System.Text;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

public sealed class StreamedRepliesTests
{
    [Fact]
    public void Read_TakesModTimesDecksAndCounts_FromAReplyWhereEveryActionSucceeded()
    {
        ModTimesReply reply = new(2, 1);
        Assert.True(Read(reply, 3, """
            {"result": [{"result": [{"noteId": 1, "mod": 10, "extra": {"a": [1]}}, {"mod": 20, "noteId": 2}], "error": null},
             {"result": {"Deck A": [11, 12], "Deck \u00e9": [21]}, "error": null},
             {"result": [5, 6, 7], "error": null}], "error": null}
            """));
        Assert.Equal(new Dictionary<long, long> { [1] = 10, [2] = 20 }, reply.ModTimes.Mods);
        Assert.Equal(new Dictionary<long, string> { [11] = "Deck A", [12] = "Deck A", [21] = "Deck é" }, reply.ModTimes.DeckByCard);
        Assert.Equal([3], reply.UnmanagedCounts);
    }

    // Declined replies are read as a document, where errors are reported and odd entries handled as before.
    [Theory]
    [InlineData("""{"result": [{"result": null, "error": "collection is not available"}, {"result": {}, "error": null}], "error": null}""")]
    [InlineData("""{"result": [{"result": [], "error": null}, {"result": {}, "error": null}], "error": "unsupported action"}""")]
    [InlineData("""{"result": [{"result": [{"noteId": 1}], "error": null}, {"result": {}, "error": null}], "error": null}""")]
    [InlineData("""{"result": [{"result": [{}], "error": null}, {"result": {}, "error": null}], "error": null}""")]
    [InlineData("""{"result": [{"result": [{"noteId": 1, "mod": "10"}], "error": null}, {"result": {}, "error": null}], "error": null}""")]
    [InlineData("""{"result": [{"result": [], "error": null}, {"result": {"D": [1.5]}, "error": null}], "error": null}""")]
    [InlineData("""{"result": [{"result": [], "error": null}], "error": null}""")]
    [InlineData("""{"result": [[], {}], "error": null}""")]
    [InlineData("""{"result": [{"result": [], "error": null}, {"result": {}, "error": null}], "error": null} trailing""")]
    [InlineData("""{"result": [{"result": [], "error": null}, {"result": {}, "error": null}]}""")]
    public void Read_DeclinesEveryOtherReply(string json) => Assert.False(Read(new ModTimesReply(1, 0), 2, json));

    [Fact]
    public void SnapshotReply_TakesProfileTypesSelectionAndIds_AndDeclinesAFailedSelection()
    {
        SnapshotReply reply = new();
        Assert.True(AnkiMultiReply.TryRead(Encoding.UTF8.GetBytes("""
            {"result": [{"result": 6, "error": null}, {"result": "User 1", "error": null}, {"result": ["Basic", "AnkiOpsQA"], "error": null},
             {"result": [2], "error": null}, {"result": [1, 2], "error": null}, {"result": [11, 12, 21], "error": null}], "error": null}
            """), 6, reply.Read));
        AnkiSnapshot snapshot = reply.Snapshot;
        Assert.Equal("User 1", snapshot.Profile);
        Assert.Equal(["AnkiOpsQA", "Basic"], snapshot.ModelNames.Order(StringComparer.Ordinal));
        Assert.Equal([2L], snapshot.SelectedInBrowser);
        Assert.Equal([1L, 2L], snapshot.ManagedNoteIds);
        Assert.Equal([11L, 12L, 21L], snapshot.ManagedCardIds);

        Assert.False(AnkiMultiReply.TryRead(Encoding.UTF8.GetBytes("""
            {"result": [{"result": 6, "error": null}, {"result": "User 1", "error": null}, {"result": [], "error": null},
             {"result": null, "error": "unsupported action"}], "error": null}
            """), 4, new SnapshotReply().Read));
    }

    private static bool Read(ModTimesReply reply, int actions, string json) => AnkiMultiReply.TryRead(Encoding.UTF8.GetBytes(json), actions, reply.Read);
}
