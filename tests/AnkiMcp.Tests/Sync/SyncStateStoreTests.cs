using AnkiMcp.Core.Sync;
using AnkiMcp.Tests.Markdown;

namespace AnkiMcp.Tests.Sync;

public sealed class SyncStateStoreTests
{
    private static NoteSyncState Note(string key, long id, string deck = "Biology") =>
        new(key, id, "AnkiMcpQA", deck, "md-" + key, "anki-" + key);

    [Fact]
    public void Open_CreatesDatabaseInHiddenFolderWithWal()
    {
        using TempCollection collection = new(withDefaults: false);
        using SyncStateStore store = SyncStateStore.Open(collection.Dir);

        Assert.Equal(Path.Combine(collection.Dir, ".ankimcp", "state.db"), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
        Assert.Null(store.ProfileName);
        Assert.Empty(store.LoadNotes());
    }

    [Fact]
    public void CommittedChanges_AreVisibleAfterReopening()
    {
        using TempCollection collection = new(withDefaults: false);
        using (SyncStateStore store = SyncStateStore.Open(collection.Dir))
        using (SyncStateTransaction transaction = store.BeginWrite())
        {
            transaction.SetProfileName("User 1");
            transaction.SetNoteTypeHash("abc");
            transaction.Upsert(Note("aaaaaaaaaaaa", 1));
            transaction.Upsert(Note("bbbbbbbbbbbb", 2));
            transaction.SetPushedMedia("cell_1a2b3c4d.png", "digest1");
            transaction.Commit();
        }

        using SyncStateStore reopened = SyncStateStore.Open(collection.Dir);
        Assert.Equal("User 1", reopened.ProfileName);
        Assert.Equal("abc", reopened.NoteTypeHash);
        Assert.Equal(Note("aaaaaaaaaaaa", 1), reopened.LoadNotes()["aaaaaaaaaaaa"]);
        Assert.Equal(2, reopened.LoadNotes().Count);
        Assert.Equal("digest1", reopened.LoadPushedMedia()["cell_1a2b3c4d.png"]);
    }

    [Fact]
    public void EveryWrite_ForgetsTheRecordedAgreement()
    {
        using TempCollection collection = new(withDefaults: false);
        using SyncStateStore store = SyncStateStore.Open(collection.Dir);
        string agreement = Path.Combine(collection.Dir, ".ankimcp", "agreement.json");
        File.WriteAllText(agreement, "{}");

        using (SyncStateTransaction transaction = store.BeginWrite())
            transaction.Commit();

        Assert.False(File.Exists(agreement));
    }

    [Fact]
    public void ANewState_ForgetsTheAgreementRecordedWithTheOneBefore()
    {
        using TempCollection collection = new(withDefaults: false);
        string agreement = Path.Combine(collection.Dir, ".ankimcp", "agreement.json");
        Directory.CreateDirectory(Path.GetDirectoryName(agreement)!);
        File.WriteAllText(agreement, "{}");

        using (SyncStateStore.Open(collection.Dir))
            Assert.False(File.Exists(agreement));
        File.WriteAllText(agreement, "{}");
        using (SyncStateStore.Open(collection.Dir))
            Assert.True(File.Exists(agreement));
    }

    [Fact]
    public void UncommittedTransaction_LeavesNoTrace()
    {
        using TempCollection collection = new(withDefaults: false);
        using SyncStateStore store = SyncStateStore.Open(collection.Dir);
        using (SyncStateTransaction transaction = store.BeginWrite())
            transaction.Upsert(Note("aaaaaaaaaaaa", 1));

        Assert.Empty(store.LoadNotes());
    }

    [Fact]
    public void Upsert_RelinkingANoteIdToAnotherKey_DropsTheStaleKey()
    {
        using TempCollection collection = new(withDefaults: false);
        using SyncStateStore store = SyncStateStore.Open(collection.Dir);
        using (SyncStateTransaction transaction = store.BeginWrite())
        {
            transaction.Upsert(Note("aaaaaaaaaaaa", 1));
            transaction.Upsert(Note("bbbbbbbbbbbb", 1, "Chemistry"));
            transaction.Upsert(Note("bbbbbbbbbbbb", 1, "Physics"));
            transaction.Remove("cccccccccccc");
            transaction.Commit();
        }

        NoteSyncState only = Assert.Single(store.LoadNotes().Values);
        Assert.Equal(("bbbbbbbbbbbb", "Physics"), (only.NoteKey, only.DeckName));
    }

    [Fact]
    public void Upserts_KeepEveryValueExactly_AndTheirOrderAgainstRemoves()
    {
        using TempCollection collection = new(withDefaults: false);
        using SyncStateStore store = SyncStateStore.Open(collection.Dir);
        NoteSyncState odd = new("dddddddddddd", 1_733_000_000_123, "Type \"quoted\" \\ back", "Sprachen::日本語 🦀 <b>&", "md-é", "anki-\u00e9",
            long.MaxValue, [1_733_000_000_124, 9_007_199_254_740_993]);
        using (SyncStateTransaction transaction = store.BeginWrite())
        {
            transaction.Upsert(Note("aaaaaaaaaaaa", 1));
            transaction.Upsert(odd);
            transaction.Remove("aaaaaaaaaaaa");
            transaction.Upsert(Note("bbbbbbbbbbbb", 2));
            transaction.Upsert(Note("aaaaaaaaaaaa", 3, "Chemistry"));
            transaction.Remove("bbbbbbbbbbbb");
            transaction.Commit();
        }

        IReadOnlyDictionary<string, NoteSyncState> notes = store.LoadNotes();
        Assert.Equal(["aaaaaaaaaaaa", "dddddddddddd"], notes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Note("aaaaaaaaaaaa", 3, "Chemistry"), notes["aaaaaaaaaaaa"]);
        Assert.Equal(odd, notes["dddddddddddd"]);
        Assert.Equal(odd.Cards, notes["dddddddddddd"].Cards);
    }

    [Fact]
    public async Task ServersOpeningANewStateAtOnce_ShareOneDatabase_AndNoneIsSetAside()
    {
        for (int round = 0; round < 5; round++)
        {
            using TempCollection collection = new(withDefaults: false);

            await Simultaneously.RunAsync(4, worker =>
            {
                using SyncStateStore store = SyncStateStore.Open(collection.Dir);
                using SyncStateTransaction transaction = store.BeginWrite();
                transaction.Upsert(Note($"key{worker:D9}", worker + 1));
                transaction.Commit();
            });

            using SyncStateStore reopened = SyncStateStore.Open(collection.Dir);
            Assert.Equal(4, reopened.LoadNotes().Count);
            Assert.False(File.Exists(reopened.DatabasePath + ".corrupt"));
        }
    }

    [Fact]
    public void Open_OnAFileThatIsNoDatabase_SetsItAsideAndStartsFresh()
    {
        using TempCollection collection = new(withDefaults: false);
        Directory.CreateDirectory(Path.Combine(collection.Dir, ".ankimcp"));
        File.WriteAllText(Path.Combine(collection.Dir, ".ankimcp", "state.db"), "this is not sqlite, just a text file that got here somehow");

        using SyncStateStore store = SyncStateStore.Open(collection.Dir);

        Assert.Empty(store.LoadNotes());
        Assert.True(File.Exists(Path.Combine(collection.Dir, ".ankimcp", "state.db.corrupt")));
    }
}
