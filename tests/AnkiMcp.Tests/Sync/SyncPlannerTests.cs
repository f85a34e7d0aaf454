using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

/// <summary>The decision table of the planner, without Anki or files: which side changes, given what changed since the last sync.</summary>
public sealed class SyncPlannerTests
{
    private const string Key = "0123456789ab";
    private int _keys;

    private static LocalNote Local(string question, string deck = "Biology", string? key = Key, int line = 1, string file = "Biology.md") =>
        new(key, "AnkiMcpQA", deck, new Dictionary<string, string> { ["Question"] = question, ["Answer"] = "A" }, [], file, line);

    private static RemoteNote Remote(string question, string deck = "Biology", string? key = Key, long id = 100) =>
        RemoteNote.Read(id, key, "AnkiMcpQA", deck, new Dictionary<string, string> { ["Question"] = question, ["Answer"] = "A" }, [], [id + 1], mod: 1);

    private static NoteSyncState State(string question = "Q", string deck = "Biology") =>
        new(Key, 100, "AnkiMcpQA", deck, Local(question).Fingerprint, Remote(question).Fingerprint);

    private PlannedNotes Plan(SyncDirection direction, IReadOnlyList<LocalNote> local, IReadOnlyList<RemoteNote> remote, IReadOnlyList<NoteSyncState> state, SyncOptions? options = null) =>
        new SyncPlanner(direction, options ?? new SyncOptions(), (l, r) => l.Fields["Question"] == r.Fields["Question"] && l.DeckName == r.DeckName, () => $"fresh{++_keys:d7}")
            .Plan(local, remote, state.ToDictionary(s => s.NoteKey));

    private static SyncChange Single(PlannedNotes plan) => Assert.Single(plan.Changes);

    [Fact]
    public void TwoWay_NothingChanged_PlansNothing()
    {
        PlannedNotes plan = Plan(SyncDirection.TwoWay, [Local("Q")], [Remote("Q")], [State()]);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void TwoWay_EditedInMarkdown_UpdatesAnki()
    {
        SyncChange change = Single(Plan(SyncDirection.TwoWay, [Local("Q2")], [Remote("Q")], [State()]));
        Assert.Equal((SyncChangeKind.Update, SyncSide.Anki, Key), (change.Kind, change.Target, change.NoteKey));
    }

    [Fact]
    public void TwoWay_EditedInAnki_UpdatesMarkdown()
    {
        SyncChange change = Single(Plan(SyncDirection.TwoWay, [Local("Q")], [Remote("Q3")], [State()]));
        Assert.Equal((SyncChangeKind.Update, SyncSide.Markdown), (change.Kind, change.Target));
    }

    [Theory]
    [InlineData(ConflictPreference.None, SyncChangeKind.Conflict, SyncSide.Markdown)]
    [InlineData(ConflictPreference.Markdown, SyncChangeKind.Update, SyncSide.Anki)]
    [InlineData(ConflictPreference.Anki, SyncChangeKind.Update, SyncSide.Markdown)]
    public void TwoWay_EditedOnBothSides_IsAConflictUnlessPreferred(ConflictPreference prefer, SyncChangeKind kind, SyncSide target)
    {
        SyncChange change = Single(Plan(SyncDirection.TwoWay, [Local("Q2")], [Remote("Q3")], [State()], new SyncOptions { Prefer = prefer }));
        Assert.Equal((kind, target), (change.Kind, change.Target));
    }

    [Fact]
    public void OneWay_EditedOnBothSides_TheSourceSideWins()
    {
        Assert.Equal(SyncSide.Anki, Single(Plan(SyncDirection.MarkdownToAnki, [Local("Q2")], [Remote("Q3")], [State()])).Target);
        Assert.Equal(SyncSide.Markdown, Single(Plan(SyncDirection.AnkiToMarkdown, [Local("Q2")], [Remote("Q3")], [State()])).Target);
    }

    [Fact]
    public void TwoWay_DeletedInAnki_DeletesFromMarkdown_UnlessEditedThere()
    {
        SyncChange unchanged = Single(Plan(SyncDirection.TwoWay, [Local("Q")], [], [State()]));
        SyncChange edited = Single(Plan(SyncDirection.TwoWay, [Local("Q2")], [], [State()]));

        Assert.Equal((SyncChangeKind.Delete, SyncSide.Markdown), (unchanged.Kind, unchanged.Target));
        Assert.Equal((SyncChangeKind.Create, SyncSide.Anki), (edited.Kind, edited.Target));
    }

    [Fact]
    public void TwoWay_DeletedInMarkdown_DeletesFromAnki_UnlessEditedThere()
    {
        SyncChange unchanged = Single(Plan(SyncDirection.TwoWay, [], [Remote("Q")], [State()]));
        SyncChange edited = Single(Plan(SyncDirection.TwoWay, [], [Remote("Q4")], [State()]));

        Assert.Equal((SyncChangeKind.Delete, SyncSide.Anki), (unchanged.Kind, unchanged.Target));
        Assert.Equal((SyncChangeKind.Create, SyncSide.Markdown), (edited.Kind, edited.Target));
    }

    [Fact]
    public void Moves_FollowTheSideThatMoved()
    {
        SyncChange movedInMarkdown = Single(Plan(SyncDirection.TwoWay, [Local("Q", deck: "Chemistry")], [Remote("Q")], [State()]));
        SyncChange movedInAnki = Single(Plan(SyncDirection.TwoWay, [Local("Q")], [Remote("Q", deck: "Chemistry")], [State()]));

        Assert.Equal((SyncChangeKind.Move, SyncSide.Anki, "Chemistry"), (movedInMarkdown.Kind, movedInMarkdown.Target, movedInMarkdown.DeckName));
        Assert.Equal((SyncChangeKind.Move, SyncSide.Markdown, "Chemistry"), (movedInAnki.Kind, movedInAnki.Target, movedInAnki.DeckName));
    }

    [Fact]
    public void NewNotes_GetFreshKeys_OnTheirWayToTheOtherSide()
    {
        PlannedNotes plan = Plan(SyncDirection.TwoWay, [Local("New here", key: null)], [Remote("New there", key: null, id: 7)], []);

        Assert.Equal(2, plan.Decisions.Count);
        Assert.All(plan.Decisions, decision => Assert.StartsWith("fresh", decision.Key, StringComparison.Ordinal));
        Assert.Contains(plan.Decisions, decision => decision.NeedsKeyInMarkdown && decision.Has(SyncChangeKind.Create, SyncSide.Anki));
        Assert.Contains(plan.Decisions, decision => decision.NeedsKeyInAnki && decision.Has(SyncChangeKind.Create, SyncSide.Markdown));
    }

    [Fact]
    public void MarkdownToAnki_LeavesKeylessAnkiNotesAlone_WithAWarning()
    {
        PlannedNotes plan = Plan(SyncDirection.MarkdownToAnki, [], [Remote("Made in Anki", key: null)], []);

        Assert.Empty(plan.Changes);
        Assert.Contains("no key", Assert.Single(plan.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void LostState_IsRebuiltFromTheEmbeddedKey_WithoutChanges()
    {
        PlannedNotes plan = Plan(SyncDirection.TwoWay, [Local("Q")], [Remote("Q")], []);

        NoteDecision decision = Assert.Single(plan.Decisions);
        Assert.Empty(decision.Changes);
        Assert.Equal(100, decision.Remote!.NoteId);
    }

    [Fact]
    public void DuplicateKeysInMarkdown_StopTheRun_NamingBothPlaces()
    {
        SyncRefusedException refused = Assert.Throws<SyncRefusedException>(() =>
            Plan(SyncDirection.TwoWay, [Local("Q"), Local("Q copy", file: "Chemistry.md", line: 9)], [], []));

        Assert.Contains("Chemistry.md:9", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Biology.md:1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKeysInAnki_StopTheRun()
    {
        SyncRefusedException refused = Assert.Throws<SyncRefusedException>(() =>
            Plan(SyncDirection.TwoWay, [], [Remote("Q", id: 1), Remote("Q", id: 2)], []));

        Assert.Contains("both carry AnkiOps Key " + Key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletingMostOfADeck_IsRefused_UnlessAllowed()
    {
        List<RemoteNote> remote = [.. Enumerable.Range(0, 10).Select(i => Remote($"Q{i}", key: $"key{i:d8}", id: 100 + (i * 10)))];
        List<NoteSyncState> state = [.. remote.Select(note => new NoteSyncState(note.EmbeddedKey!, note.NoteId, "AnkiMcpQA", "Biology", "md", note.Fingerprint))];
        List<LocalNote> kept = [.. remote.Take(3).Select(note => Local(note.Fields["Question"], key: note.EmbeddedKey))];
        List<NoteSyncState> keptState = [.. state.Select((s, i) => i < 3 ? s with { MarkdownFingerprint = kept[i].Fingerprint } : s)];

        SyncRefusedException refused = Assert.Throws<SyncRefusedException>(() => Plan(SyncDirection.TwoWay, kept, remote, keptState));
        PlannedNotes allowed = Plan(SyncDirection.TwoWay, kept, remote, keptState, new SyncOptions { AllowDeletes = true });

        Assert.Contains("7 of 10 notes in deck 'Biology'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-deletes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(7, allowed.Changes.Count(change => change is { Kind: SyncChangeKind.Delete, Target: SyncSide.Anki }));
    }
}
