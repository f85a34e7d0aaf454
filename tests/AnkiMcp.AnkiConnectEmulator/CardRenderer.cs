using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>The note and card objects of <c>notesInfo</c>/<c>cardsInfo</c>, with a plain rendering of questions and answers.</summary>
internal static partial class CardRenderer
{
    /// <summary>The <c>fields</c> object: field name → value and order, in field order.</summary>
    public static JsonObject Fields(EmulatorNote note)
    {
        var fields = new JsonObject();
        for (int i = 0; i < note.Model.Fields.Count; i++)
            fields[note.Model.Fields[i]] = new JsonObject { ["value"] = note.Values[i], ["order"] = i };
        return fields;
    }

    public static JsonObject CardInfo(EmulatorCard card)
    {
        EmulatorNote note = card.Note;
        EmulatorModel model = note.Model;
        EmulatorTemplate template = model.Templates[model.IsCloze ? 0 : Math.Min(card.Ord, model.Templates.Count - 1)];
        string style = $"<style>{model.Css}</style>";
        string question = Render(template.Front, card, answer: false, frontSide: "");
        string answer = Render(template.Back, card, answer: true, frontSide: question);
        return new JsonObject
        {
            ["cardId"] = card.Id,
            ["fields"] = Fields(note),
            ["fieldOrder"] = card.Ord,
            ["question"] = style + question,
            ["answer"] = style + answer,
            ["modelName"] = model.Name,
            ["ord"] = card.Ord,
            ["deckName"] = card.Deck.Name,
            ["css"] = model.Css,
            ["factor"] = 0,
            ["interval"] = 0,
            ["note"] = note.Id,
            ["type"] = 0,
            ["queue"] = card.Queue,
            ["due"] = card.Due,
            ["reps"] = 0,
            ["lapses"] = 0,
            ["left"] = 0,
            ["mod"] = card.Mod,
            ["nextReviews"] = new JsonArray("<1m", "<10m", "1d", "4d"),
            ["flags"] = 0,
        };
    }

    private static string Render(string template, EmulatorCard card, bool answer, string frontSide)
    {
        EmulatorNote note = card.Note;
        string Value(string field)
        {
            int index = note.Model.FieldIndex(field);
            return index >= 0 ? note.Values[index] : "";
        }
        string text = Section().Replace(template, m =>
        {
            bool filled = !string.IsNullOrWhiteSpace(Value(m.Groups["field"].Value.Trim()));
            return (m.Groups["kind"].Value == "#") == filled ? m.Groups["body"].Value : "";
        });
        return Reference().Replace(text, m =>
        {
            string[] parts = m.Groups[1].Value.Split(':');
            string field = parts[^1].Trim();
            if (field == "FrontSide")
                return frontSide;
            if (parts.Length > 1 && parts[^2] == "cloze")
                return Cloze(Value(field), card.Ord + 1, answer);
            if (parts.Length > 1 && parts[^2] == "type")
                return "";
            return Value(field);
        });
    }

    private static string Cloze(string text, int number, bool answer) => ClozeSpan().Replace(text, m =>
    {
        int n = int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        string body = m.Groups["body"].Value;
        if (n != number)
            return $"<span class=\"cloze-inactive\" data-ordinal=\"{n}\">{body}</span>";
        if (answer)
            return $"<span class=\"cloze\" data-ordinal=\"{n}\">{body}</span>";
        string hint = m.Groups["hint"].Success ? m.Groups["hint"].Value : "...";
        return $"<span class=\"cloze\" data-cloze=\"{WebUtility.HtmlEncode(body)}\" data-ordinal=\"{n}\">[{hint}]</span>";
    });

    [GeneratedRegex(@"\{\{(?<kind>[#^])(?<field>[^}]+)\}\}(?<body>.*?)\{\{/\k<field>\}\}", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"\{\{(?![#^/!])([^}]+)\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\{\{c(?<n>\d+)::(?<body>.*?)(?:::(?<hint>.*?))?\}\}", RegexOptions.Singleline)]
    private static partial Regex ClozeSpan();
}
