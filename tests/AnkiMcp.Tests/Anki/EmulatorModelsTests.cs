using AnkiMcp.Core.Anki;
using static AnkiMcp.Tests.Anki.EmulatorFixture;

namespace AnkiMcp.Tests.Anki;

/// <summary>Note type actions, as the sync creates and migrates its note types.</summary>
public sealed class EmulatorModelsTests
{
    private static readonly AnkiModelDefinition Why = new(
        "AnkiMcpWhy",
        ["Q", "CHAIN", "AnkiOps Key"],
        [new AnkiCardTemplate("Card 1", "{{Q}}", "{{FrontSide}}<hr id=answer>{{CHAIN}}")],
        ".card { color: black; }",
        IsCloze: false);

    [Fact]
    public async Task CreateModel_RoundTripsFieldsTemplatesAndStyling_AndRefusesATakenName()
    {
        await using var f = await StartAsync();

        long id = await f.Client.CreateModelAsync(Why, Ct);

        Assert.Equal(id, (await f.Client.ModelNamesAndIdsAsync(Ct))["AnkiMcpWhy"]);
        Assert.Equal(["Q", "CHAIN", "AnkiOps Key"], await f.Client.ModelFieldNamesAsync("AnkiMcpWhy", Ct));
        Assert.Equal(Why.Templates, await f.Client.ModelTemplatesAsync("AnkiMcpWhy", Ct));
        Assert.Equal(Why.Css, await f.Client.ModelStylingAsync("AnkiMcpWhy", Ct));
        AnkiConnectException taken = await Assert.ThrowsAsync<AnkiConnectException>(() => f.Client.CreateModelAsync(Why, Ct));
        Assert.Equal("Model name already exists", taken.AnkiError);
    }

    [Fact]
    public async Task ClozeModel_MakesCardsPerClozeNumber()
    {
        await using var f = await StartAsync();
        await f.Client.CreateModelAsync(new AnkiModelDefinition(
            "AnkiMcpCloze", ["T", "E"], [new AnkiCardTemplate("Cloze", "{{cloze:T}}", "{{cloze:T}}<br>{{E}}")], "", IsCloze: true), Ct);

        long id = await f.Client.AddNoteAsync(Note("AnkiMcpCloze", "Default", new Dictionary<string, string> { ["T"] = "{{c1::a}} {{c2::b}}" }), Ct);
        AnkiConnectException noCloze = await Assert.ThrowsAsync<AnkiConnectException>(() =>
            f.Client.AddNoteAsync(Note("AnkiMcpCloze", "Default", new Dictionary<string, string> { ["T"] = "plain" }), Ct));

        Assert.Equal(2, (await f.NoteAsync(id)).Cards.Count);
        Assert.Equal("cannot create note for unknown reason", noCloze.AnkiError);
    }

    [Fact]
    public async Task UpdateModelTemplates_ChangesOnlyNamedNonEmptySides()
    {
        await using var f = await StartAsync();
        await f.Client.CreateModelAsync(Why, Ct);

        await f.Client.UpdateModelTemplatesAsync("AnkiMcpWhy",
            [new AnkiCardTemplate("Card 1", "<div>{{Q}}</div>", ""), new AnkiCardTemplate("Card 9", "x", "y")], Ct);
        await f.Client.UpdateModelStylingAsync("AnkiMcpWhy", ".card { color: red; }", Ct);

        Assert.Equal([new AnkiCardTemplate("Card 1", "<div>{{Q}}</div>", Why.Templates[0].Back)], await f.Client.ModelTemplatesAsync("AnkiMcpWhy", Ct));
        Assert.Equal(".card { color: red; }", await f.Client.ModelStylingAsync("AnkiMcpWhy", Ct));
        AnkiConnectException missing = await Assert.ThrowsAsync<AnkiConnectException>(() =>
            f.Client.UpdateModelStylingAsync("Nope", "", Ct));
        Assert.Equal("model was not found: Nope", missing.AnkiError);
    }

    [Fact]
    public async Task FieldChanges_KeepNoteValuesAligned_AndRenamesReachTheTemplates()
    {
        await using var f = await StartAsync();
        await f.Client.CreateModelAsync(Why with { Fields = ["Q", "CHAIN"] }, Ct);
        long id = await f.Client.AddNoteAsync(Note("AnkiMcpWhy", "Default", new Dictionary<string, string> { ["Q"] = "why?", ["CHAIN"] = "because" }), Ct);

        await f.Client.ModelFieldAddAsync("AnkiMcpWhy", "AnkiOps Key", null, Ct);
        await f.Client.ModelFieldAddAsync("AnkiMcpWhy", "E", 1, Ct);
        await f.Client.ModelFieldRenameAsync("AnkiMcpWhy", "CHAIN", "Chain", Ct);
        await f.Client.ModelFieldRepositionAsync("AnkiMcpWhy", "AnkiOps Key", 0, Ct);

        AnkiNoteInfo note = await f.NoteAsync(id);
        Assert.Equal(
            [new("AnkiOps Key", "", 0), new("Q", "why?", 1), new("E", "", 2), new AnkiFieldValue("Chain", "because", 3)],
            note.Fields);
        Assert.Equal("{{FrontSide}}<hr id=answer>{{Chain}}", (await f.Client.ModelTemplatesAsync("AnkiMcpWhy", Ct))[0].Back);
        AnkiConnectException unknown = await Assert.ThrowsAsync<AnkiConnectException>(() =>
            f.Client.ModelFieldRenameAsync("AnkiMcpWhy", "Nope", "X", Ct));
        Assert.Equal("field was not found in AnkiMcpWhy: Nope", unknown.AnkiError);
    }

    [Fact]
    public async Task RepositioningTheFirstField_MovesTheDuplicateKey()
    {
        await using var f = await StartAsync();
        await f.Client.CreateModelAsync(Why, Ct);
        await f.Client.AddNoteAsync(Note("AnkiMcpWhy", "Default", new Dictionary<string, string> { ["Q"] = "same q", ["CHAIN"] = "c1" }), Ct);

        await f.Client.ModelFieldRepositionAsync("AnkiMcpWhy", "CHAIN", 0, Ct);
        IReadOnlyList<AnkiCanAddResult> check = await f.Client.CanAddNotesWithErrorDetailAsync(
        [
            Note("AnkiMcpWhy", "Default", new Dictionary<string, string> { ["Q"] = "same q", ["CHAIN"] = "c2" }),
            Note("AnkiMcpWhy", "Default", new Dictionary<string, string> { ["Q"] = "other", ["CHAIN"] = "c1" }),
        ], Ct);

        Assert.Equal([true, false], check.Select(c => c.CanAdd));
    }

    [Fact]
    public async Task TemplateAdd_GivesExistingNotesTheirNewCards()
    {
        await using var f = await StartAsync();
        await f.Client.CreateModelAsync(Why, Ct);
        long id = await f.Client.AddNoteAsync(Note("AnkiMcpWhy", "Default", new Dictionary<string, string> { ["Q"] = "q", ["CHAIN"] = "c" }), Ct);

        await f.Client.ModelTemplateAddAsync("AnkiMcpWhy", new AnkiCardTemplate("Reverse", "{{CHAIN}}", "{{Q}}"), Ct);

        Assert.Equal(2, (await f.NoteAsync(id)).Cards.Count);
        Assert.Equal(["Card 1", "Reverse"], (await f.Client.ModelTemplatesAsync("AnkiMcpWhy", Ct)).Select(t => t.Name));
    }
}
