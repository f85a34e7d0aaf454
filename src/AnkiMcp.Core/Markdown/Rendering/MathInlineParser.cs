using Markdig.Helpers;
using Markdig.Parsers;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Keeps MathJax spans (see <see cref="MathSpans"/>) away from Markdown, which would otherwise read their
/// backslashes as escapes; runs before the escape parser. <c>\\[ … \]</c> reaches Anki as <c>\[ … \]</c>.</summary>
internal sealed class MathInlineParser : InlineParser
{
    public MathInlineParser() => OpeningCharacters = ['\\'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        // Markdig clears the parser states for every paragraph, so one search state serves one paragraph's text.
        if (processor.ParserStates[Index] is not MathSpans spans)
            processor.ParserStates[Index] = spans = new MathSpans(slice.Text, slice.End + 1);
        if (!spans.TryRead(slice.Start, out int length, out string canonical))
            return false;
        processor.Inline = new MathInline(canonical);
        slice.Start += length;
        return true;
    }
}
