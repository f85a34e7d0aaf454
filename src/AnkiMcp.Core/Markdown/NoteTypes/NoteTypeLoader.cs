using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>Reads <c>note_types/&lt;Name&gt;/note_type.yaml</c> in AnkiOps' format: the folder name is the model name;
/// keys <c>fields</c> (list of <c>{name, label, identifying}</c>), <c>styling</c> (CSS file or list of files, may
/// point to shared files elsewhere under <c>note_types/</c>), <c>templates</c> (list of <c>{name, front, back}</c>,
/// default <c>Front.template.anki</c>/<c>Back.template.anki</c>, then <c>Front2</c>/<c>Back2</c>…),
/// <c>is_cloze</c>, <c>is_choice</c>.</summary>
internal static class NoteTypeLoader
{
    public const string FolderName = "note_types";
    public const string FileName = "note_type.yaml";

    private static readonly HashSet<string> s_knownKeys = ["fields", "styling", "templates", "is_cloze", "is_choice"];

    public static (List<NoteTypeSource> Sources, List<CollectionError> Errors) LoadAll(string collectionDir)
    {
        List<NoteTypeSource> sources = [];
        List<CollectionError> errors = [];
        string root = Path.GetFullPath(Path.Combine(collectionDir, FolderName));
        if (!Directory.Exists(root))
        {
            errors.Add(new CollectionError(FolderName, 0, $"no {FolderName}/ folder in {collectionDir}; run 'ankimcp init' to create the default note types"));
            return (sources, errors);
        }
        foreach (string folder in NoteTypeFolders(root))
        {
            string yamlPath = Path.Combine(folder, FileName);
            string relative = $"{FolderName}/{Path.GetFileName(folder)}/{FileName}";
            try
            {
                NoteTypeSource? source = LoadOne(root, folder, yamlPath, relative, errors);
                if (source is not null)
                    sources.Add(source);
            }
            catch (YamlException e)
            {
                errors.Add(new CollectionError(relative, (int)e.Start.Line, $"invalid YAML: {e.Message}"));
            }
        }
        if (sources.Count == 0 && errors.Count == 0)
            errors.Add(new CollectionError(FolderName, 0, $"no note types in {FolderName}/; run 'ankimcp init' to create the default note types"));
        return (sources, errors);
    }

    /// <summary>The names of the note types the collection defines (their folders), without reading their definitions.</summary>
    public static IReadOnlyList<string> Names(string collectionDir)
    {
        string root = Path.GetFullPath(Path.Combine(collectionDir, FolderName));
        return Directory.Exists(root) ? [.. NoteTypeFolders(root).Select(Path.GetFileName).OfType<string>()] : [];
    }

    // Hidden folders are tools' scratch space (e.g. a note type being written), never a note type.
    private static IEnumerable<string> NoteTypeFolders(string root) =>
        Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal)
            .Where(folder => !Path.GetFileName(folder).StartsWith('.') && File.Exists(Path.Combine(folder, FileName)));

    private static NoteTypeSource? LoadOne(string root, string folder, string yamlPath, string relative, List<CollectionError> errors)
    {
        string name = Path.GetFileName(folder);
        int errorCount = errors.Count;
        void Error(YamlNode? node, string message) => errors.Add(new CollectionError(relative, node is null ? 1 : (int)node.Start.Line, message));

        YamlStream stream = [];
        using (StreamReader reader = new(yamlPath))
            stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            Error(null, "expected a YAML mapping with 'fields', 'styling' and optionally 'templates', 'is_cloze', 'is_choice'");
            return null;
        }
        foreach (KeyValuePair<YamlNode, YamlNode> entry in map.Children)
        {
            string key = Scalar(entry.Key) ?? "";
            if (key == "name")
                Error(entry.Key, "'name' is not allowed: the folder name is the note type name");
            else if (!s_knownKeys.Contains(key))
                Error(entry.Key, $"unknown key '{key}'; expected one of {string.Join(", ", s_knownKeys)}");
        }

        bool isCloze = Bool(map, "is_cloze", Error);
        bool isChoice = Bool(map, "is_choice", Error);
        Dictionary<string, int> fieldLines = new(StringComparer.Ordinal);
        List<NoteFieldDefinition> fields = [];
        if (Child(map, "fields") is not YamlSequenceNode fieldNodes)
        {
            Error(map, "'fields' must be a list of {name, label, identifying}");
        }
        else
        {
            foreach (YamlNode node in fieldNodes)
            {
                if (node is not YamlMappingNode fieldMap || Scalar(Child(fieldMap, "name")) is not { Length: > 0 } fieldName)
                {
                    Error(node, "each field needs a 'name'");
                    continue;
                }
                foreach (KeyValuePair<YamlNode, YamlNode> entry in fieldMap.Children)
                {
                    if (Scalar(entry.Key) is not ("name" or "label" or "identifying"))
                        Error(entry.Key, $"unknown field key '{Scalar(entry.Key)}'; expected name, label, identifying");
                }
                string? label = Scalar(Child(fieldMap, "label"));
                fieldLines.TryAdd(fieldName, (int)node.Start.Line);
                if (fieldName == NoteTypeDefinition.KeyFieldName && label is null)
                    continue;
                fields.Add(new NoteFieldDefinition(fieldName, label, Bool(fieldMap, "identifying", Error)));
            }
        }

        string css = ReadStyling(root, folder, map, Error);
        List<NoteTemplateDefinition> templates = ReadTemplates(root, folder, map, isCloze, Error);
        return errors.Count > errorCount ? null : new NoteTypeSource(new NoteTypeDefinition(name, fields, isCloze, isChoice, templates, css), relative, fieldLines);
    }

    private static string ReadStyling(string root, string folder, YamlMappingNode map, Action<YamlNode?, string> error)
    {
        YamlNode? node = Child(map, "styling");
        IEnumerable<YamlNode> files = node switch
        {
            YamlScalarNode => [node],
            YamlSequenceNode list => list.Children,
            _ => [],
        };
        if (!files.Any())
        {
            error(node ?? map, "'styling' must name a CSS file or a list of CSS files (relative to the note type folder)");
            return "";
        }
        List<string> parts = [];
        foreach (YamlNode file in files)
        {
            if (ReadInside(root, folder, Scalar(file), file, error) is { } text)
                parts.Add(text);
        }
        // Joined exactly as AnkiOps joins them, so the two tools never take turns rewriting a note type's styling in Anki.
        return string.Join("\n\n", parts);
    }

    private static List<NoteTemplateDefinition> ReadTemplates(string root, string folder, YamlMappingNode map, bool isCloze, Action<YamlNode?, string> error)
    {
        List<NoteTemplateDefinition> templates = [];
        YamlNode? node = Child(map, "templates");
        if (node is YamlSequenceNode list)
        {
            foreach (YamlNode item in list)
            {
                if (item is not YamlMappingNode t || Scalar(Child(t, "name")) is not { Length: > 0 } templateName)
                {
                    error(item, "each template needs 'name', 'front' and 'back'");
                    continue;
                }
                string? front = ReadInside(root, folder, Scalar(Child(t, "front")), item, error);
                string? back = ReadInside(root, folder, Scalar(Child(t, "back")), item, error);
                if (front is not null && back is not null)
                    templates.Add(new NoteTemplateDefinition(templateName, front, back));
            }
            return templates;
        }
        if (node is not null)
        {
            error(node, "'templates' must be a list of {name, front, back}");
            return templates;
        }
        for (int n = 1; ; n++)
        {
            string suffix = n == 1 ? "" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string frontPath = Path.Combine(folder, $"Front{suffix}.template.anki");
            string backPath = Path.Combine(folder, $"Back{suffix}.template.anki");
            bool hasFront = File.Exists(frontPath), hasBack = File.Exists(backPath);
            if (!hasFront && !hasBack)
                return templates;
            if (hasFront != hasBack)
            {
                error(null, $"Front{suffix}.template.anki and Back{suffix}.template.anki must both exist");
                return templates;
            }
            string templateName = isCloze && n == 1 ? "Cloze" : $"Card {n}";
            templates.Add(new NoteTemplateDefinition(templateName, File.ReadAllText(frontPath), File.ReadAllText(backPath)));
        }
    }

    private static string? ReadInside(string root, string folder, string? relativePath, YamlNode node, Action<YamlNode?, string> error)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            error(node, "a file path is missing");
            return null;
        }
        string full = Path.GetFullPath(Path.Combine(folder, relativePath));
        if (Path.IsPathRooted(relativePath) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            error(node, $"'{relativePath}' must stay inside {FolderName}/");
            return null;
        }
        if (!File.Exists(full))
        {
            error(node, $"file '{relativePath}' does not exist");
            return null;
        }
        return File.ReadAllText(full);
    }

    private static bool Bool(YamlMappingNode map, string key, Action<YamlNode?, string> error)
    {
        YamlNode? node = Child(map, key);
        if (node is null)
            return false;
        string? value = Scalar(node);
        if (value is "true" or "True" or "yes")
            return true;
        if (value is "false" or "False" or "no")
            return false;
        error(node, $"'{key}' must be true or false");
        return false;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static string? Scalar(YamlNode? node) =>
        node is YamlScalarNode { Value: { } v } scalar && !(scalar.Style == ScalarStyle.Plain && v is "null" or "~" or "") ? v : null;
}
