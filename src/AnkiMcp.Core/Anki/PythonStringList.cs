using System.Text;

namespace AnkiMcp.Core.Anki;

/// <summary>
/// Reads Python's <c>str()</c> of a list of strings, e.g. <c>['a', "it's"]</c>: the form in which current AnkiConnect
/// builds report the failures of an all-or-nothing <c>addNotes</c>.
/// </summary>
internal static class PythonStringList
{
    public static bool TryParse(string text, out List<string> items)
    {
        items = [];
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']')
            return false;
        int i = 1;
        var item = new StringBuilder();
        while (true)
        {
            while (i < s.Length && s[i] == ' ')
                i++;
            if (s[i] == ']')
                return i == s.Length - 1;
            char quote = s[i];
            if (quote is not ('\'' or '"'))
                return false;
            i++;
            item.Clear();
            while (i < s.Length - 1 && s[i] != quote)
            {
                if (s[i] == '\\' && i + 1 < s.Length - 1)
                {
                    i++;
                    item.Append(s[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => s[i] });
                }
                else
                {
                    item.Append(s[i]);
                }
                i++;
            }
            if (i >= s.Length - 1)
                return false;
            items.Add(item.ToString());
            i++;
            while (i < s.Length && s[i] == ' ')
                i++;
            if (s[i] == ',')
                i++;
            else if (s[i] != ']')
                return false;
        }
    }
}
