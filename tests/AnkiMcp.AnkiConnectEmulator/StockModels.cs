namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>The note types of a fresh Anki profile (English), as in Anki's <c>stock.rs</c>.</summary>
internal static class StockModels
{
    public const string DefaultCss = ".card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n    text-align: center;\n    color: black;\n    background-color: white;\n}\n";

    public const string ClozeCss = DefaultCss + "\n.cloze {\n    font-weight: bold;\n    color: blue;\n}\n.nightMode .cloze {\n    color: lightblue;\n}\n";

    private const string BasicBack = "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}";

    public static IEnumerable<(string Name, bool IsCloze, string[] Fields, EmulatorTemplate[] Templates, string Css)> All()
    {
        yield return ("Basic", false, ["Front", "Back"],
            [new("Card 1", "{{Front}}", BasicBack)], DefaultCss);
        yield return ("Basic (and reversed card)", false, ["Front", "Back"],
            [new("Card 1", "{{Front}}", BasicBack), new("Card 2", "{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}")], DefaultCss);
        yield return ("Basic (optional reversed card)", false, ["Front", "Back", "Add Reverse"],
            [new("Card 1", "{{Front}}", BasicBack), new("Card 2", "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}")], DefaultCss);
        yield return ("Basic (type in the answer)", false, ["Front", "Back"],
            [new("Card 1", "{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")], DefaultCss);
        yield return ("Cloze", true, ["Text", "Back Extra"],
            [new("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")], ClozeCss);
    }
}
