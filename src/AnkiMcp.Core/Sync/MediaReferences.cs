using System.Text.RegularExpressions;

namespace AnkiMcp.Core.Sync;

/// <summary>The media files a note's Anki HTML refers to: <c>&lt;img src="x.png"&gt;</c> and <c>[sound:x.mp3]</c>, flat names only.</summary>
internal static partial class MediaReferences
{
    public static IEnumerable<string> In(IEnumerable<string> htmlFields)
    {
        // Most notes refer to no media: they cost the scan for the two markers and nothing else (a sync asks for every note).
        List<string>? candidates = null;
        foreach (string html in htmlFields)
        {
            if (MayReferToMedia(html))
                (candidates ??= []).Add(html);
        }
        return candidates is null ? [] : candidates.SelectMany(html => ImageSource().Matches(html).Concat(Sound().Matches(html)))
            .Select(match => Uri.UnescapeDataString(System.Net.WebUtility.HtmlDecode(match.Groups["name"].Value)))
            .Where(IsLocalFileName)
            .Distinct(StringComparer.Ordinal);
    }

    private static bool MayReferToMedia(string html) =>
        html.Contains("<img", StringComparison.OrdinalIgnoreCase) || html.Contains("[sound:", StringComparison.Ordinal);

    private static bool IsLocalFileName(string name) =>
        name.Length > 0 && name.IndexOfAny(['/', '\\', ':', '\0']) < 0 && name != "." && name != "..";

    [GeneratedRegex("""<img\b[^>]*?\bsrc\s*=\s*(?:"(?<name>[^"]*)"|'(?<name>[^']*)'|(?<name>[^\s>]+))""", RegexOptions.IgnoreCase)]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"\[sound:(?<name>[^\]]+)\]")]
    private static partial Regex Sound();
}
