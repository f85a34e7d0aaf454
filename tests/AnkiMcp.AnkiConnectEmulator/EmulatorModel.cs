namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>A note type ("model") of the emulated collection.</summary>
public sealed class EmulatorModel
{
    internal EmulatorModel(long id, string name, bool isCloze, IEnumerable<string> fields, IEnumerable<EmulatorTemplate> templates, string css)
    {
        Id = id;
        Name = name;
        IsCloze = isCloze;
        FieldList = [.. fields];
        TemplateList = [.. templates];
        Css = css;
    }

    public long Id { get; }

    public string Name { get; internal set; }

    /// <summary>True for cloze note types, whose cards come from cloze numbers.</summary>
    public bool IsCloze { get; }

    /// <summary>The field names in field order.</summary>
    public IReadOnlyList<string> Fields => FieldList;

    /// <summary>The card templates in template order.</summary>
    public IReadOnlyList<EmulatorTemplate> Templates => TemplateList;

    public string Css { get; internal set; }

    /// <summary>Last modification, Unix seconds.</summary>
    public long Mod { get; internal set; }

    internal List<string> FieldList { get; }

    internal List<EmulatorTemplate> TemplateList { get; }

    /// <summary>The 0-based position of <paramref name="field"/> (case-sensitive), or −1.</summary>
    public int FieldIndex(string field) => FieldList.IndexOf(field);

    public override string ToString() => Name;
}
