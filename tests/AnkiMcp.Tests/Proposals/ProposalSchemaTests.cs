using AnkiMcp.Core.Proposals;
using Microsoft.Data.Sqlite;

namespace AnkiMcp.Tests.Proposals;

/// <summary>Proposals cannot be rebuilt: upgrading a database written by an older AnkiMcp keeps every row.</summary>
public sealed class ProposalSchemaTests : CollectionTest
{
    private string DatabasePath => Path.Combine(Collection, ".ankimcp", ProposalStore.FileName);

    protected override ValueTask DisposeAsyncCore()
    {
        SqliteConnection.ClearAllPools();
        return base.DisposeAsyncCore();
    }

    // TestData/proposals-v1.db was written by AnkiMcp before the schema had a version (commit dda1e4c): batch 1 'Rust
    // ownership' (card 1 created as k1v1, not in Anki; card 2 rejected 'too easy'; card 3 revised to revision 2,
    // pending) and batch 2 'Git' (card 1 pending, card 2 approved), with 7 and 3 transitions.
    [Fact]
    public async Task OpeningAnUnversionedDatabase_UpgradesItKeepingEveryRowAndACopy()
    {
        CopyVersionOne();

        ProposalStore store = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);

        ProposalBatch rust = (await store.GetBatchAsync(1, Ct))!;
        ProposalBatch git = (await store.GetBatchAsync(2, Ct))!;
        Assert.Equal(("Rust ownership", "Git"), (rust.Label, git.Label));
        Assert.Null(rust.Owner);
        Assert.Equal([ProposalState.Created, ProposalState.Rejected, ProposalState.Pending], rust.Cards.Select(card => card.State));
        Assert.Equal([ProposalState.Pending, ProposalState.Approved], git.Cards.Select(card => card.State));
        Assert.Equal(("k1v1", (bool?)false), (rust.Cards[0].NoteKey, rust.Cards[0].ReachedAnki));
        Assert.Equal("too easy", rust.Cards[1].RejectionReason);
        Assert.Equal("「猫」", (await store.RevisionsAsync(1, 3, Ct))[0].Draft.Fields["Extra"]);
        Assert.Equal("Every value has {{c1::exactly one owner}}.", rust.Cards[2].Draft.Fields["Text"]);
        Assert.Equal(7, (await store.TransitionsAsync(1, cancellationToken: Ct)).Count);
        Assert.Equal(3, (await store.TransitionsAsync(2, cancellationToken: Ct)).Count);
        Assert.Equal(new ProposalCounts(2, 1, 1, 1), await store.CountsAsync(Ct));
        Assert.Equal((0L, 5L, 10L), (Scalar(DatabasePath + ".v1.bak", "PRAGMA user_version"), Scalar(DatabasePath + ".v1.bak", "SELECT count(*) FROM card"),
            Scalar(DatabasePath + ".v1.bak", "SELECT count(*) FROM card_transition")));
        Assert.Equal(2L, UserVersion());

        ProposalBatch mine = await store.ProposeAsync("new", [Drafts.Basic()], ProposalActor.Assistant, new ProposalOwner("session-a", "client"), Ct);
        Assert.Equal((3L, new ProposalOwner("session-a", "client")), (mine.Id, mine.Owner));
        ProposalStore reopened = await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);
        Assert.Equal(new ProposalCounts(3, 1, 1, 1), await reopened.CountsAsync(Ct));
    }

    [Fact]
    public async Task TwoProcessesUpgradingAtOnce_BothOpenTheUpgradedDatabase()
    {
        CopyVersionOne();

        ProposalStore[] stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct), Ct)));

        Assert.All(stores, store => Assert.Equal(DatabasePath, store.DatabasePath));
        Assert.Equal(new ProposalCounts(2, 1, 1, 1), await stores[3].CountsAsync(Ct));
        Assert.Equal(2L, UserVersion());
    }

    [Fact]
    public async Task ANewDatabase_HasTheCurrentVersionAndNoCopy()
    {
        await ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct);

        Assert.Equal(2L, UserVersion());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!, "*.bak"));
    }

    [Fact]
    public async Task ADatabaseFromANewerVersion_IsRefusedAndLeftAsItIs()
    {
        CopyVersionOne();
        await using (SqliteConnection connection = new($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            await command.ExecuteNonQueryAsync(Ct);
        }
        byte[] before = File.ReadAllBytes(DatabasePath);

        InvalidDataException error = await Assert.ThrowsAsync<InvalidDataException>(() => ProposalStore.OpenAsync(Collection, ApprovalPolicy.Conversation, cancellationToken: Ct));

        Assert.Contains("newer AnkiMcp", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(DatabasePath));
    }

    private void CopyVersionOne()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "proposals-v1.db"), DatabasePath);
    }

    private long UserVersion() => Scalar(DatabasePath, "PRAGMA user_version");

    private static long Scalar(string path, string sql)
    {
        using SqliteConnection connection = new($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
