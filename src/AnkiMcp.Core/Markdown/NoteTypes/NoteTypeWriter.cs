using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>Writes a note type as a folder <c>note_types/&lt;Name&gt;/</c> in the format <see cref="NoteTypeRegistry.Load"/>
/// reads: <c>note_type.yaml</c> (fields, <c>styling: Styling.css</c>, an explicit <c>templates</c> list so Anki's
/// template names are kept), <c>Styling.css</c>, and <c>Front.template.anki</c>/<c>Back.template.anki</c>,
/// <c>Front2</c>/<c>Back2</c>… The folder appears complete or not at all.</summary>
public static class NoteTypeWriter
{
    private const string StylingFile = "Styling.css";

    /// <summary>The folder a note type lives in under <paramref name="collectionDir"/>.</summary>
    public static string FolderOf(string collectionDir, string noteTypeName) =>
        Path.Combine(collectionDir, NoteTypeLoader.FolderName, noteTypeName);

    /// <summary>Whether <paramref name="noteTypeName"/> can be a folder name on every system (it is one, in the format).</summary>
    public static bool IsUsableName(string noteTypeName) =>
        !string.IsNullOrWhiteSpace(noteTypeName)
        && noteTypeName.Trim() == noteTypeName
        && noteTypeName is not ("." or "..")
        && !noteTypeName.StartsWith('.')
        && noteTypeName.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0
        && !noteTypeName.Any(char.IsControl);

    /// <summary>Writes <paramref name="type"/> into a new folder; returns its path.</summary>
    /// <exception cref="IOException">The folder already exists.</exception>
    public static string Write(string collectionDir, NoteTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(collectionDir);
        ArgumentNullException.ThrowIfNull(type);
        if (!IsUsableName(type.Name))
            throw new ArgumentException($"'{type.Name}' cannot be a folder name; rename the note type in Anki first.", nameof(type));
        string target = FolderOf(collectionDir, type.Name);
        if (Directory.Exists(target))
            throw new IOException($"{target} already exists.");

        // A dot-folder next to the target, moved into place when complete: readers never see half a note type.
        string staging = Path.Combine(Path.GetDirectoryName(target)!, $".{type.Name}.{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, StylingFile), type.Css);
            List<(string Name, string Front, string Back)> templateFiles = [];
            for (int i = 0; i < type.Templates.Count; i++)
            {
                string suffix = i == 0 ? "" : (i + 1).ToString(CultureInfo.InvariantCulture);
                (string front, string back) = ($"Front{suffix}.template.anki", $"Back{suffix}.template.anki");
                File.WriteAllText(Path.Combine(staging, front), type.Templates[i].Front);
                File.WriteAllText(Path.Combine(staging, back), type.Templates[i].Back);
                templateFiles.Add((type.Templates[i].Name, front, back));
            }
            using StringWriter yaml = new();
            yaml.WriteLine($"# Copied from Anki's note type '{type.Name}'. The folder name is the Anki note type name.");
            new YamlStream(new YamlDocument(Describe(type, templateFiles))).Save(yaml, assignAnchors: false);
            // YamlDotNet closes the document with an explicit "..." marker, which hand-written files do not have.
            string text = yaml.ToString().ReplaceLineEndings("\n");
            File.WriteAllText(Path.Combine(staging, NoteTypeLoader.FileName), text.EndsWith("\n...\n", StringComparison.Ordinal) ? text[..^4] : text);
            Directory.Move(staging, target);
            return target;
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    private static YamlMappingNode Describe(NoteTypeDefinition type, List<(string Name, string Front, string Back)> templateFiles)
    {
        YamlMappingNode root = new() { { "styling", StylingFile } };
        if (type.IsCloze)
            root.Add("is_cloze", "true");
        if (type.IsChoice)
            root.Add("is_choice", "true");
        YamlSequenceNode templates = [];
        foreach ((string name, string front, string back) in templateFiles)
            templates.Add(new YamlMappingNode { { "name", Quoted(name) }, { "front", front }, { "back", back } });
        root.Add("templates", templates);
        YamlSequenceNode fields = [];
        foreach (NoteFieldDefinition field in type.Fields)
        {
            fields.Add(new YamlMappingNode
            {
                { "name", Quoted(field.Name) },
                { "label", field.Label is null ? new YamlScalarNode("null") : Quoted(field.Label) },
                { "identifying", field.Identifying ? "true" : "false" },
            });
        }
        root.Add("fields", fields);
        return root;
    }

    // Names and labels are text, whatever they look like ("Q:", "true", "null").
    private static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };
}
