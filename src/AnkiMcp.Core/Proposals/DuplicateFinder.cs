using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// Flags cards whose first field says the same as an earlier card of the same note type, after normalising away markup,
/// cloze brackets, case, punctuation and spacing — the comparison Anki's own duplicate check makes, made a little more
/// forgiving — or nearly the same: the same words but for filler words, words naming a kind of thing ("command",
/// "function"), plurals, order and one word in five.
/// </summary>
public static partial class DuplicateFinder
{
    // Markup and sentence punctuation that do not change what a card asks; operators such as + - = < > stay significant.
    private const string IgnoredMarks = "`*_~#.,;:!?\"'";

    // Brackets part words as a space does: "enumerate(items)" asks about enumerate and items.
    private const string Brackets = "()[]{}";

    // Jaccard similarity of the content words at or above which two texts say nearly the same thing.
    private const double NearSimilarity = 0.8;

    private const int MinimumWords = 2;

    // Words that frame a question rather than say what it is about.
    private static readonly FrozenSet<string> s_fillerWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "about", "as",
        "is", "are", "was", "were", "be", "been", "does", "do", "did", "what", "whats", "which", "who", "why", "how",
        "when", "where", "this", "that", "it", "its", "and", "or", "there", "s", "you", "your", "we", "i",
    ], StringComparer.Ordinal);

    // Words that say what kind of thing a card is about rather than which one: "the `git stash` command" is `git stash`.
    // Normalised texts by the very string they were made from (a string never changes), kept while it lives: the
    // collection's notes stay parsed between proposals, so their texts are not normalised again each time.
    private static readonly ConditionalWeakTable<string, string> s_normalized = [];

    private static readonly FrozenSet<string> s_kindWords = FrozenSet.ToFrozenSet(
        ["command", "keyword", "function", "method", "flag", "option", "operator", "statement"], StringComparer.Ordinal);

    /// <summary>The possible duplicates among <paramref name="drafts"/> (numbered from 1), against the existing cards and each other.</summary>
    public static IReadOnlyList<PossibleDuplicate> Find(IReadOnlyList<CardDraft> drafts, IEnumerable<ExistingCard> existing)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(existing);
        List<ExistingCard> cards = [.. existing];
        int firstDraft = cards.Count;
        for (int index = 0; index < drafts.Count; index++)
        {
            CardKindSchema schema = CardKindSchema.For(drafts[index].Kind);
            cards.Add(new ExistingCard(schema.NoteTypeName, drafts[index].Fields.GetValueOrDefault(schema.FirstField) ?? string.Empty,
                $"card {index + 1} of this proposal"));
        }

        return [.. FindAmong(cards, firstDraft).Select(match => new PossibleDuplicate(match.Index - firstDraft + 1, match.Original.Where, match.Exact))];
    }

    /// <summary>
    /// Every card from <paramref name="firstToCheck"/> on that repeats an earlier card of <paramref name="cards"/> with the
    /// same note type: the first card with the same normalised text, else the most similar one.
    /// </summary>
    public static IReadOnlyList<DuplicateMatch> FindAmong(IReadOnlyList<ExistingCard> cards, int firstToCheck = 0)
    {
        ArgumentNullException.ThrowIfNull(cards);
        string[] texts = [.. cards.Select(card => s_normalized.GetValue(card.FirstField, Normalize))];
        int[][] words = WordSets(texts);
        Dictionary<string, int> noteTypes = new(StringComparer.Ordinal);
        Dictionary<(string NoteType, string Text), int> exact = [];
        // Prefix filtering: two sets this similar share one of the first few (rarest) words of each, so only cards that
        // do are compared; a card is indexed under its first few words only.
        Dictionary<(int NoteType, int Word), List<(int Card, int Position)>> byPrefixWord = [];
        int[] lastProbe = new int[cards.Count];
        Array.Fill(lastProbe, -1);
        List<DuplicateMatch> matches = [];
        for (int index = 0; index < cards.Count; index++)
        {
            if (texts[index].Length == 0)
                continue;
            string noteTypeName = cards[index].NoteTypeName;
            if (!noteTypes.TryGetValue(noteTypeName, out int noteType))
                noteTypes[noteTypeName] = noteType = noteTypes.Count;
            int[] mine = words[index];
            int prefix = PrefixLength(mine.Length);
            if (index >= firstToCheck)
            {
                if (exact.TryGetValue((noteTypeName, texts[index]), out int same))
                    matches.Add(new DuplicateMatch(index, cards[same], Exact: true));
                else if (MostSimilar(index, words, byPrefixWord, noteType, lastProbe) is { } similar)
                    matches.Add(new DuplicateMatch(index, cards[similar], Exact: false));
            }

            exact.TryAdd((noteTypeName, texts[index]), index);
            for (int position = 0; position < prefix; position++)
            {
                if (!byPrefixWord.TryGetValue((noteType, mine[position]), out List<(int, int)>? holders))
                    byPrefixWord[(noteType, mine[position])] = holders = [];
                holders.Add((index, position));
            }
        }

        return matches;
    }

    /// <summary>The text as compared: no HTML or Markdown markup, cloze deletions reduced to their answers, lower case, single spaces.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string plain = ClozeDeletion().Replace(text, "$1");
        plain = HtmlTag().Replace(plain, " ");
        plain = System.Net.WebUtility.HtmlDecode(plain);
        StringBuilder builder = new(plain.Length);
        bool space = false;
        foreach (char c in plain.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || Brackets.Contains(c))
            {
                space = true;
            }
            else if (!IgnoredMarks.Contains(c))
            {
                if (space && builder.Length > 0)
                    builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
        }

        return builder.ToString();
    }

    private static int? MostSimilar(int index, int[][] words, Dictionary<(int, int), List<(int Card, int Position)>> byPrefixWord, int noteType, int[] lastProbe)
    {
        int[] mine = words[index];
        int? best = null;
        double bestSimilarity = 0;
        for (int position = 0; position < PrefixLength(mine.Length); position++)
        {
            if (!byPrefixWord.TryGetValue((noteType, mine[position]), out List<(int Card, int Position)>? holders))
                continue;
            foreach ((int other, int otherPosition) in holders)
            {
                if (lastProbe[other] == index)
                    continue;
                lastProbe[other] = index;
                int[] theirs = words[other];
                // The first word two sets share bounds how many they can share: it and what follows it in both.
                int needed = (int)Math.Ceiling(NearSimilarity / (1 + NearSimilarity) * (mine.Length + theirs.Length) - 1e-9);
                if (1 + Math.Min(mine.Length - position - 1, theirs.Length - otherPosition - 1) < needed)
                    continue;
                int shared = SharedCount(mine, theirs);
                double similarity = (double)shared / (mine.Length + theirs.Length - shared);
                if (similarity >= NearSimilarity && similarity > bestSimilarity)
                    (best, bestSimilarity) = (other, similarity);
            }
        }

        return best;
    }

    private static int SharedCount(int[] a, int[] b)
    {
        int shared = 0;
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    // How many of a set's rarest words another set must share one of to reach the similarity threshold. A single word is
    // too little to call two different texts the same: only an exact match counts there.
    private static int PrefixLength(int count) => count < MinimumWords ? 0 : count - (int)Math.Ceiling(NearSimilarity * count - 1e-9) + 1;

    // Each text's distinct content words (plurals reduced to the singular) as numbers that sort the rarest word first.
    private static int[][] WordSets(string[] texts)
    {
        Dictionary<string, int> ids = new(StringComparer.Ordinal);
        List<int> frequency = [];
        int[][] sets = new int[texts.Length][];
        for (int index = 0; index < texts.Length; index++)
        {
            HashSet<int> set = [];
            foreach (string token in texts[index].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (s_fillerWords.Contains(token) || s_kindWords.Contains(token))
                    continue;
                string word = token.Length > 3 && token[^1] == 's' && token[^2] != 's' ? token[..^1] : token;
                if (!ids.TryGetValue(word, out int id))
                {
                    ids[word] = id = ids.Count;
                    frequency.Add(0);
                }

                if (set.Add(id))
                    frequency[id]++;
            }

            sets[index] = [.. set];
        }

        int[] byRarity = [.. Enumerable.Range(0, frequency.Count).OrderBy(id => frequency[id]).ThenBy(id => id)];
        int[] rank = new int[byRarity.Length];
        for (int position = 0; position < byRarity.Length; position++)
            rank[byRarity[position]] = position;
        foreach (int[] set in sets)
        {
            for (int i = 0; i < set.Length; i++)
                set[i] = rank[set[i]];
            Array.Sort(set);
        }

        return sets;
    }

    [GeneratedRegex(@"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ClozeDeletion();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();
}
