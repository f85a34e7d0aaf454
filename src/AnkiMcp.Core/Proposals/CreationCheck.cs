using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// Checks, when cards are proposed or revised, what creating them in this collection will check, so that a card the
/// person approves can be created: its deck file name, its note type, its text written to and read back from the deck
/// file, its rendering for Anki (<see cref="CardNotes.Problems"/>), a deck of a collab source (another repository's), and
/// a deck name that differs from one the collection has only by case (Anki would merge the two decks; some file systems,
/// the two files).
/// </summary>
public sealed class CreationCheck(string collectionDirectory, CachedNoteTypes noteTypes)
{
    /// <summary>Refuses (<see cref="ProposalRefusal.InvalidCards"/>) with every problem, by card number.</summary>
    public void EnsureCreatable(IReadOnlyList<(int Number, CardDraft Draft)> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        NoteTypeRegistry types;
        try
        {
            types = noteTypes.Get();
        }
        catch (CollectionFormatException broken)
        {
            throw new ProposalRefusedException(new ProposalRefusal.InvalidCards(
                [.. drafts.Select(item => new CardProblem(item.Number, $"the collection's note types cannot be read, so no card can be created: {broken.Message}"))]));
        }

        Dictionary<string, (string Deck, string Where)> decks = new(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, string> collab = new(StringComparer.OrdinalIgnoreCase);
        foreach (CollectionDeck deck in CollectionDecks.In(collectionDirectory))
        {
            decks.TryAdd(deck.Name, (deck.Name, "the collection has"));
            if (deck.CollabSource is not null)
                collab.TryAdd(deck.Name, deck.CollabSource);
        }

        List<CardProblem> problems = [];
        foreach ((int number, CardDraft draft) in drafts)
        {
            problems.AddRange(CardNotes.Problems(draft, types).Select(problem => new CardProblem(number, problem)));
            if (collab.TryGetValue(draft.Deck, out string? source))
                problems.Add(new CardProblem(number, CollabDeckProblem(draft.Deck, source)));
            else if (decks.TryGetValue(draft.Deck, out (string Deck, string Where) known) && known.Deck != draft.Deck)
                problems.Add(new CardProblem(number, $"{known.Where} the deck '{known.Deck}'; Anki does not tell deck names apart by case, so use '{known.Deck}'."));
            decks.TryAdd(draft.Deck, (draft.Deck, $"card {number} has"));
        }

        if (problems.Count > 0)
            throw new ProposalRefusedException(new ProposalRefusal.InvalidCards(problems));
    }

    /// <summary>Why no card can be added to a collab source's deck.</summary>
    public static string CollabDeckProblem(string deck, string source) =>
        $"the deck '{deck}' is a collab deck of {source} (collab/{source}/), another repository's shared deck, which AnkiMcp does not add cards to; " +
        "choose a deck of the collection's own (list_decks tells them apart)";
}
