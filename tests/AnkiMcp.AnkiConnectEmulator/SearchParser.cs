using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>
/// Anki's search syntax, as far as users and AnkiMcp use it: bare words, <c>deck:</c>, <c>note:</c>, <c>tag:</c>,
/// <c>Field:value</c>, <c>nid:</c>, <c>cid:</c>, <c>mid:</c>, <c>did:</c>, <c>card:</c>, <c>is:new|suspended</c>,
/// <c>added:N</c>, <c>edited:N</c>, negation, <c>OR</c>, <c>AND</c> and parentheses. Cards are the unit searched;
/// a note matches when one of its cards does.
/// </summary>
internal sealed class SearchParser
{
    private static readonly string[] UnsupportedKeys = ["prop", "rated", "resched", "re", "w", "nc", "dupe", "introduced", "preset"];

    private readonly EmulatorCollection _collection;
    private readonly List<string> _tokens;
    private int _position;

    private SearchParser(EmulatorCollection collection, List<string> tokens)
    {
        _collection = collection;
        _tokens = tokens;
    }

    /// <summary>A predicate over cards for <paramref name="query"/>.</summary>
    /// <exception cref="AnkiActionException">The query is not valid Anki search syntax (<c>Invalid search: …</c>).</exception>
    public static Func<EmulatorCard, bool> Parse(EmulatorCollection collection, string query)
    {
        var parser = new SearchParser(collection, Tokenize(query));
        if (parser._tokens.Count == 0)
            return static _ => true;
        Func<EmulatorCard, bool> predicate = parser.ParseOr();
        if (parser._position < parser._tokens.Count)
            throw Invalid("a `)` was found, but there was no preceding `(`.");
        return predicate;
    }

    private static AnkiActionException Invalid(string reason) => new($"Invalid search: {reason}");

    private string? Peek => _position < _tokens.Count ? _tokens[_position] : null;

    private static bool IsKeyword(string? token, string keyword) => string.Equals(token, keyword, StringComparison.OrdinalIgnoreCase);

    private Func<EmulatorCard, bool> ParseOr()
    {
        List<Func<EmulatorCard, bool>> alternatives = [ParseAnd("or")];
        while (IsKeyword(Peek, "or"))
        {
            _position++;
            alternatives.Add(ParseAnd("or"));
        }
        return alternatives.Count == 1 ? alternatives[0] : card => alternatives.Any(a => a(card));
    }

    private Func<EmulatorCard, bool> ParseAnd(string after)
    {
        List<Func<EmulatorCard, bool>> terms = [];
        while (Peek is string token && token != ")" && !IsKeyword(token, "or"))
        {
            if (IsKeyword(token, "and"))
            {
                if (terms.Count == 0)
                    throw Invalid("an `and` was found but it is not connected to a search term on each side.");
                _position++;
                if (Peek is null or ")" || IsKeyword(Peek, "or") || IsKeyword(Peek, "and"))
                    throw Invalid("an `and` was found but it is not connected to a search term on each side.");
                continue;
            }
            terms.Add(ParseUnary());
        }
        if (terms.Count == 0)
            throw Invalid($"an `{after}` was found but it is not connected to a search term on each side.");
        return terms.Count == 1 ? terms[0] : card => terms.All(t => t(card));
    }

    private Func<EmulatorCard, bool> ParseUnary()
    {
        string token = _tokens[_position++];
        if (token is "(" or "-(")
        {
            if (Peek == ")")
                throw Invalid("a group `()` was found but there was nothing between the parentheses to search for.");
            Func<EmulatorCard, bool> group = ParseOr();
            if (Peek != ")")
                throw Invalid("a `(` was found, but there was no `)` to close it.");
            _position++;
            return token == "-(" ? card => !group(card) : group;
        }
        if (token.Length > 1 && token[0] == '-')
        {
            Func<EmulatorCard, bool> negated = Term(token[1..]);
            return card => !negated(card);
        }
        return Term(token);
    }

    private Func<EmulatorCard, bool> Term(string text)
    {
        int colon = UnescapedColon(text);
        if (colon < 0)
            return BareText(Unescape(text, keepGlobEscapes: true));
        if (colon == 0)
            throw Invalid("a colon `:` was found, but there was no keyword preceding it. If you want to search for an actual colon, precede it with a backslash: `\\:`.");
        string key = Unescape(text[..colon], keepGlobEscapes: true);
        string value = Unescape(text[(colon + 1)..], keepGlobEscapes: true);
        switch (key.ToLowerInvariant())
        {
            case "deck": return Deck(value);
            case "note": return Glob(value, c => c.Note.Model.Name);
            case "tag": return Tag(value);
            case "nid": return IdList("nid", value, c => c.Note.Id);
            case "cid": return IdList("cid", value, c => c.Id);
            case "mid": return IdList("mid", value, c => c.Note.Model.Id);
            case "did": return IdList("did", value, c => c.Deck.Id);
            case "card": return Card(value);
            case "is": return Is(value);
            case "added": return Days("added", value, c => c.Id / 1000);
            case "edited": return Days("edited", value, c => c.Note.Mod);
            case "flag": return value == "0" ? static _ => true : static _ => false;
            default:
                if (Array.IndexOf(UnsupportedKeys, key.ToLowerInvariant()) >= 0)
                    throw Invalid($"`{key}:` searches are not implemented by the AnkiConnect emulator.");
                return Field(key, value);
        }
    }

    private static Func<EmulatorCard, bool> BareText(string text)
    {
        Regex pattern = AnkiText.Glob(text, whole: false);
        return card => card.Note.ValueList.Any(v => pattern.IsMatch(v));
    }

    private Func<EmulatorCard, bool> Deck(string value)
    {
        if (value.Length == 0)
            throw Invalid("`deck:` must be followed by a deck name.");
        if (string.Equals(value, "current", StringComparison.OrdinalIgnoreCase))
            value = _collection.CurrentDeck.Name;
        Regex pattern = AnkiText.Glob(value, whole: true);
        HashSet<string> roots = [.. _collection.Decks.Where(d => pattern.IsMatch(d.Name)).Select(d => d.Name)];
        return card => roots.Contains(card.Deck.Name)
            || roots.Any(root => card.Deck.Name.StartsWith(root + "::", StringComparison.OrdinalIgnoreCase));
    }

    private static Func<EmulatorCard, bool> Tag(string value)
    {
        if (string.Equals(value, "none", StringComparison.OrdinalIgnoreCase))
            return static card => card.Note.TagList.Count == 0;
        Regex pattern = AnkiText.Glob(value, whole: true);
        Regex children = AnkiText.Glob(value + "::*", whole: true);
        return card => card.Note.TagList.Any(t => pattern.IsMatch(t) || children.IsMatch(t));
    }

    private static Func<EmulatorCard, bool> Glob(string value, Func<EmulatorCard, string> subject)
    {
        Regex pattern = AnkiText.Glob(value, whole: true);
        return card => pattern.IsMatch(subject(card));
    }

    private static Func<EmulatorCard, bool> IdList(string key, string value, Func<EmulatorCard, long> id)
    {
        var ids = new HashSet<long>();
        foreach (string part in value.Split(','))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
                throw Invalid($"`{key}:{value}` is not a comma-separated list of ids.");
            ids.Add(parsed);
        }
        return card => ids.Contains(id(card));
    }

    private static Func<EmulatorCard, bool> Card(string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            return card => card.Ord == number - 1;
        Regex pattern = AnkiText.Glob(value, whole: true);
        return card => !card.Note.Model.IsCloze && card.Ord < card.Note.Model.TemplateList.Count
            && pattern.IsMatch(card.Note.Model.TemplateList[card.Ord].Name);
    }

    private static Func<EmulatorCard, bool> Is(string value) => value.ToLowerInvariant() switch
    {
        "new" => static card => card.Queue == 0,
        "suspended" => static card => card.Queue == -1,
        "due" or "review" or "learn" or "buried" => static _ => false,
        _ => throw Invalid($"`is:{value}` is not a valid state."),
    };

    private Func<EmulatorCard, bool> Days(string key, string value, Func<EmulatorCard, long> seconds)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int days) || days < 1)
            throw Invalid($"`{key}:{value}` must be followed by a positive whole number of days.");
        long cutoff = _collection.NowSeconds - (days * 86_400L);
        return card => seconds(card) > cutoff;
    }

    private static Func<EmulatorCard, bool> Field(string name, string value)
    {
        Regex fieldName = AnkiText.Glob(name, whole: true);
        Regex fieldValue = AnkiText.Glob(value, whole: true);
        return card =>
        {
            EmulatorModel model = card.Note.Model;
            for (int i = 0; i < model.FieldList.Count; i++)
            {
                if (fieldName.IsMatch(model.FieldList[i]) && fieldValue.IsMatch(card.Note.ValueList[i]))
                    return true;
            }
            return false;
        };
    }

    private static int UnescapedColon(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == ':')
                return i;
        }
        return -1;
    }

    /// <summary>Removes search escapes; <c>\*</c> and <c>\_</c> stay for the glob matcher.</summary>
    private static string Unescape(string text, bool keepGlobEscapes)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
            return text;
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                char next = text[++i];
                if (keepGlobEscapes && next is '*' or '_' or '\\')
                    result.Append('\\');
                else if (next is not ('"' or ':' or '(' or ')' or '-'))
                    throw Invalid($"the escape sequence `\\{next}` is not known. You can keep it literal by putting it in quotes or escaping the backslash: `\\\\{next}`.");
                result.Append(next);
            }
            else
            {
                result.Append(text[i]);
            }
        }
        return result.ToString();
    }

    private static List<string> Tokenize(string query)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < query.Length)
        {
            char c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '-' && i + 1 < query.Length && query[i + 1] == '(')
            {
                tokens.Add("-(");
                i += 2;
            }
            else
            {
                var token = new StringBuilder();
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')'))
                {
                    if (query[i] == '\\' && i + 1 < query.Length)
                    {
                        token.Append(query, i, 2);
                        i += 2;
                    }
                    else if (query[i] == '"')
                    {
                        int close = ClosingQuote(query, i + 1);
                        if (close < 0)
                            throw Invalid("an opening quotation mark `\"` was found, but there was no second one to close it.");
                        string inner = query[(i + 1)..close];
                        if (inner.Length == 0 && token.Length == 0)
                            throw Invalid("a pair of quotation marks `\"\"` was found, but there was nothing between them to search for.");
                        token.Append(inner.Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal));
                        i = close + 1;
                    }
                    else
                    {
                        token.Append(query[i++]);
                    }
                }
                tokens.Add(token.ToString());
            }
        }
        return tokens;
    }

    private static int ClosingQuote(string query, int from)
    {
        for (int i = from; i < query.Length; i++)
        {
            if (query[i] == '\\')
                i++;
            else if (query[i] == '"')
                return i;
        }
        return -1;
    }
}
