namespace AnkiMcp.Core.Anki;

/// <summary>A card as <c>cardsInfo</c> reports it (the scheduling fields a sync and a reviewer care about).</summary>
/// <param name="CardId">The card id.</param>
/// <param name="NoteId">The id of the card's note.</param>
/// <param name="DeckName">The full name of the card's deck, e.g. <c>A::B</c>.</param>
/// <param name="ModelName">The note type's name.</param>
/// <param name="Ord">The template (or cloze number − 1) the card comes from.</param>
/// <param name="Mod">Last modification in Unix seconds.</param>
/// <param name="Queue">Anki's queue (−1 suspended, 0 new, 1 learning, 2 review, …).</param>
/// <param name="Due">Due position or day, as Anki stores it.</param>
/// <param name="Interval">The interval in days (negative: seconds, while learning).</param>
/// <param name="Reps">How often the card was reviewed.</param>
/// <param name="Lapses">How often the card was forgotten.</param>
public sealed record AnkiCardInfo(
    long CardId,
    long NoteId,
    string DeckName,
    string ModelName,
    int Ord,
    long Mod,
    int Queue,
    long Due,
    long Interval,
    int Reps,
    int Lapses);
