namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>A card template of an emulated note type.</summary>
public sealed class EmulatorTemplate
{
    internal EmulatorTemplate(string name, string front, string back)
    {
        Name = name;
        Front = front;
        Back = back;
    }

    public string Name { get; internal set; }

    public string Front { get; internal set; }

    public string Back { get; internal set; }
}
