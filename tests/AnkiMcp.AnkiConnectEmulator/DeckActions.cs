using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>Deck actions.</summary>
internal static class DeckActions
{
    public static IEnumerable<ActionSpec> All()
    {
        yield return new("deckNames", [], [], static c => new JsonArray([.. c.Collection.SortedDecks().Select(d => JsonValue.Create(d.Name))]));
        yield return new("deckNamesAndIds", [], [], static c =>
        {
            var result = new JsonObject();
            foreach (EmulatorDeck deck in c.Collection.SortedDecks())
                result[deck.Name] = deck.Id;
            return result;
        });
        yield return new("createDeck", ["deck"], [], static c => c.Collection.CreateDeck(c.Args.String("deck")).Id);
        yield return new("deleteDecks", ["decks"], ["cardsToo"], DeleteDecks);
        yield return new("changeDeck", ["cards", "deck"], [], ChangeDeck);
        yield return new("getDecks", ["cards"], [], GetDecks);
    }

    private static JsonNode? DeleteDecks(ActionContext c)
    {
        if (!c.Args.Bool("cardsToo", false))
            throw new AnkiActionException("Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well");
        foreach (JsonNode? name in c.Args.Array("decks"))
        {
            if (c.Collection.FindDeck(ActionArguments.AsString(name, "deck")) is EmulatorDeck deck)
                c.Collection.DeleteDeck(deck);
        }
        return null;
    }

    private static JsonNode? ChangeDeck(ActionContext c)
    {
        EmulatorDeck deck = c.Collection.CreateDeck(c.Args.String("deck"));
        foreach (long id in c.Args.Longs("cards"))
        {
            if (c.Collection.FindCard(id) is EmulatorCard card)
                c.Collection.MoveCard(card, deck);
        }
        return null;
    }

    private static JsonObject GetDecks(ActionContext c)
    {
        var result = new JsonObject();
        foreach (long id in c.Args.Longs("cards"))
        {
            if (c.Collection.FindCard(id) is not EmulatorCard card)
                continue;
            if (result[card.Deck.Name] is not JsonArray ids)
                result[card.Deck.Name] = ids = [];
            ids.Add(id);
        }
        return result;
    }
}
