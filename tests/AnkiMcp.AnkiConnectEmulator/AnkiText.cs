using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>Anki's text rules that the emulator needs: HTML stripping, cloze numbers, glob matching.</summary>
internal static partial class AnkiText
{
    /// <summary>Anki's <c>strip_html_preserving_media_filenames</c>: media names stay, tags go, entities are decoded.</summary>
    public static string StripHtmlPreservingMediaFileNames(string html)
    {
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0)
            return html;
        string withMedia = ImageTag().Replace(html, " ${name} ");
        return WebUtility.HtmlDecode(HtmlTag().Replace(withMedia, ""));
    }

    /// <summary>The distinct cloze numbers (≥ 1) in <paramref name="text"/>.</summary>
    public static IEnumerable<int> ClozeNumbers(string text)
    {
        if (!text.Contains("{{c", StringComparison.Ordinal))
            yield break;
        foreach (Match match in ClozeOpener().Matches(text))
        {
            if (int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0)
                yield return Math.Min(number, 500);
        }
    }

    public static bool HasCloze(string text) => ClozeNumbers(text).Any();

    /// <summary>Anki's field normalisation (NFC).</summary>
    public static string Normalize(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>A case-insensitive regex for an Anki search glob: <c>*</c> any run, <c>_</c> one character, <c>\*</c> and <c>\_</c> literal.</summary>
    public static Regex Glob(string pattern, bool whole)
    {
        var regex = new StringBuilder(whole ? "^" : "");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            else if (c == '*')
                regex.Append("(?s:.*)");
            else if (c == '_')
                regex.Append("(?s:.)");
            else
                regex.Append(Regex.Escape(c.ToString()));
        }
        if (whole)
            regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>Python's <c>fnmatch</c> glob as used by <c>getMediaFilesNames</c> (<c>*</c>, <c>?</c>, <c>[...]</c>).</summary>
    public static Regex FileGlob(string pattern)
    {
        var regex = new StringBuilder("^");
        foreach (char c in pattern)
        {
            regex.Append(c switch
            {
                '*' => "(?s:.*)",
                '?' => "(?s:.)",
                '[' => "[",
                ']' => "]",
                _ => Regex.Escape(c.ToString()),
            });
        }
        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant);
    }

    [GeneratedRegex("""<img[^>]*?src=["']?(?<name>[^"'>\s]+)[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTag();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\{\{c(\d+)::")]
    private static partial Regex ClozeOpener();
}
