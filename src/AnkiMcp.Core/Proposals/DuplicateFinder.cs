using System.Text;
using System.Text.RegularExpressions;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// Flags proposed cards whose first field says the same as an existing card of the same note type, after normalising
/// away markup, cloze brackets, case, punctuation and spacing — the comparison Anki's own duplicate check makes, made a
/// little more forgiving.
/// </summary>
public static partial class DuplicateFinder
{
    // Markup and sentence punctuation that do not change what a card asks; operators such as + - = < > stay significant.
    private const string IgnoredMarks = "`*_~#.,;:!?\"'()[]{}";

    /// <summary>The possible duplicates among <paramref name="drafts"/> (numbered from 1), against the existing cards and each other.</summary>
    public static IReadOnlyList<PossibleDuplicate> Find(IReadOnlyList<CardDraft> drafts, IEnumerable<ExistingCard> existing)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(existing);
        Dictionary<(string NoteType, string Text), string> known = [];
        foreach (ExistingCard card in existing)
            known.TryAdd((card.NoteTypeName, Normalize(card.FirstField)), card.Where);

        List<PossibleDuplicate> duplicates = [];
        for (int index = 0; index < drafts.Count; index++)
        {
            CardKindSchema schema = CardKindSchema.For(drafts[index].Kind);
            string text = Normalize(drafts[index].Fields.GetValueOrDefault(schema.FirstField) ?? string.Empty);
            if (text.Length == 0)
                continue;
            if (known.TryGetValue((schema.NoteTypeName, text), out string? where))
                duplicates.Add(new PossibleDuplicate(index + 1, where));
            else
                known.Add((schema.NoteTypeName, text), $"card {index + 1} of this proposal");
        }

        return duplicates;
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
            if (char.IsWhiteSpace(c))
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

    [GeneratedRegex(@"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ClozeDeletion();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();
}
