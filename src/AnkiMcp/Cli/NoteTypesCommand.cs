using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;
using Spectre.Console;

namespace AnkiMcp.Cli;

/// <summary>
/// <c>ankimcp note-types</c>: the collection's note types and their labels; with <c>--add NAME</c>, copies a note type
/// that exists in Anki (fields, templates, CSS) into <c>note_types/NAME/</c>, asking for the Markdown labels.
/// </summary>
internal sealed class NoteTypesCommand(CliConsole console)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        Option<string?> add = new("--add") { Description = "Copy this note type from Anki into note_types/NAME/ (Anki must be running).", HelpName = "NAME" };
        Option<string?> labels = new("--labels")
        {
            HelpName = "FIELD=LABEL,…",
            Description = "With --add: the Markdown label of each field, e.g. \"Front=F:,Back=B:\"; fields not named stay in Anki only. Without it you are asked field by field.",
        };
        Option<string?> identifying = new("--identifying")
        {
            HelpName = "LABEL,…",
            Description = "With --labels: the labels that identify the type, e.g. \"F:,B:\" (default: labels known from other types keep their setting, new ones identify).",
        };
        Command command = new("note-types", "List the note types of the collection and their labels, or copy one from Anki with --add.")
        {
            add, labels, identifying,
        };
        NoteTypesCommand run = new(console);
        command.SetAction((parseResult, cancellationToken) =>
        {
            string? name = parseResult.GetValue(add);
            return name is null
                ? Task.FromResult(run.List(parseResult))
                : run.AddAsync(parseResult, name, parseResult.GetValue(labels), parseResult.GetValue(identifying), cancellationToken);
        });
        return command;
    }

    private int List(ParseResult parseResult)
    {
        if (LoadRegistry(GlobalOptions.ResolveCollection(parseResult)) is not { } registry)
            return 1;
        if (parseResult.GetValue(GlobalOptions.Json))
            console.PlainOutput.WriteLine(JsonSerializer.Serialize(registry.Types.Select(NoteTypeView.Of), s_json));
        else
            NoteTypeTables.Render(console.Output, registry.Types);
        return 0;
    }

    private async Task<int> AddAsync(ParseResult parseResult, string name, string? labelText, string? identifyingText, CancellationToken cancellationToken)
    {
        string collection = GlobalOptions.ResolveCollection(parseResult);
        if (!NoteTypeWriter.IsUsableName(name))
            return Fail($"'{name}' cannot be a folder name under note_types/; rename the note type in Anki (no / \\ : * ? \" < > |, no leading dot).");
        string folder = NoteTypeWriter.FolderOf(collection, name);
        if (Directory.Exists(folder))
            return Fail($"{folder} already exists; edit it there, or delete it first to copy {name} from Anki again.");
        if (identifyingText is not null && labelText is null)
            return Fail("--identifying goes with --labels.");
        if (LoadRegistry(collection) is not { } registry)
            return 1;

        NoteTypeDefinition? fromAnki;
        try
        {
            fromAnki = await ReadFromAnkiAsync(parseResult, name, cancellationToken);
        }
        catch (Exception e) when (e is AnkiUnavailableException or AnkiConnectException)
        {
            return Fail(e.Message);
        }
        if (fromAnki is null)
            return 1;

        IReadOnlyList<string> fieldNames = [.. fromAnki.Fields.Select(f => f.Name)];
        IReadOnlyList<NoteFieldDefinition>? fields = labelText is null
            ? AskFields(fieldNames, registry)
            : FieldsFromOptions(fieldNames, labelText, identifyingText, registry);
        if (fields is null)
            return 1;
        NoteTypeDefinition type = fromAnki with { Fields = fields, IsChoice = fields.Any(f => f.Label is not null && NoteTypeDefinition.IsChoiceField(f)) };

        try
        {
            NoteTypeRegistry.Create([.. registry.Types, type]);
        }
        catch (CollectionFormatException e)
        {
            return Fail($"{name} does not fit with the other note types, nothing was written:{Environment.NewLine}{e.Message}");
        }
        NoteTypeWriter.Write(collection, type);

        if (parseResult.GetValue(GlobalOptions.Json))
        {
            console.PlainOutput.WriteLine(JsonSerializer.Serialize(NoteTypeView.Of(type), s_json));
        }
        else
        {
            string identifyingLabels = string.Join(" ", type.LabelledFields.Where(f => f.Identifying).Select(f => f.Label));
            console.Output.MarkupLine($"Added [bold]{Markup.Escape(name)}[/] in {Markup.Escape(Path.GetRelativePath(collection, folder))}/: " +
                $"notes with {Markup.Escape(identifyingLabels)} are {Markup.Escape(name)} notes from now on.");
        }
        return 0;
    }

    // Fields, templates and CSS as Anki has them; labels are decided afterwards. Null when Anki has no such note type.
    private async Task<NoteTypeDefinition?> ReadFromAnkiAsync(ParseResult parseResult, string name, CancellationToken cancellationToken)
    {
        AnkiConnectOptions options;
        try
        {
            options = AnkiConnectOptions.Resolve(parseResult.GetValue(GlobalOptions.AnkiUrl));
        }
        catch (ArgumentException e)
        {
            Fail(e.Message);
            return null;
        }
        using AnkiConnectClient anki = new(options);
        IReadOnlyList<string> models = await anki.ModelNamesAsync(cancellationToken);
        if (!models.Contains(name, StringComparer.Ordinal))
        {
            Fail($"Anki has no note type '{name}' (names are case-sensitive); Anki's note types: {string.Join(", ", models.Order(StringComparer.Ordinal))}.");
            return null;
        }
        IReadOnlyList<string> fieldNames = await anki.ModelFieldNamesAsync(name, cancellationToken);
        IReadOnlyList<AnkiCardTemplate> templates = await anki.ModelTemplatesAsync(name, cancellationToken);
        string css = await anki.ModelStylingAsync(name, cancellationToken);
        return new NoteTypeDefinition(
            name,
            [.. fieldNames.Where(f => f != NoteTypeDefinition.KeyFieldName).Select(f => new NoteFieldDefinition(f, null, false))],
            IsCloze: templates.Any(t => t.Front.Contains("{{cloze:", StringComparison.Ordinal)),
            IsChoice: false,
            [.. templates.Select(t => new NoteTemplateDefinition(t.Name, t.Front, t.Back))],
            css);
    }

    private List<NoteFieldDefinition>? FieldsFromOptions(IReadOnlyList<string> fieldNames, string labelText, string? identifyingText, NoteTypeRegistry registry)
    {
        Dictionary<string, string>? labels = LabelSpecification.ParseLabels(labelText, fieldNames, out string? problem);
        if (labels is null)
        {
            Fail(problem!);
            return null;
        }
        HashSet<string>? identifying = identifyingText is null ? null : LabelSpecification.ParseIdentifying(identifyingText);
        if (identifying?.FirstOrDefault(l => !labels.ContainsValue(l)) is { } stray)
        {
            Fail($"--identifying names {stray}, which --labels does not give to any field.");
            return null;
        }
        return [.. fieldNames.Select(field => labels.TryGetValue(field, out string? label)
            ? new NoteFieldDefinition(field, label, identifying?.Contains(label) ?? ProposedIdentifying(label, registry))
            : new NoteFieldDefinition(field, null, false))];
    }

    private List<NoteFieldDefinition> AskFields(IReadOnlyList<string> fieldNames, NoteTypeRegistry registry)
    {
        LabelQuestions questions = new(console.Output, console.IsInputRedirected ? console.Input : null);
        List<NoteFieldDefinition> fields = [];
        foreach (string field in fieldNames)
        {
            string? label = questions.AskLabel(field);
            fields.Add(label is null
                ? new NoteFieldDefinition(field, null, false)
                : new NoteFieldDefinition(field, label, questions.AskIdentifying(label, ProposedIdentifying(label, registry))));
        }
        return fields;
    }

    // A label already used by other types must keep its meaning there; a new label usually names a required field.
    private static bool ProposedIdentifying(string label, NoteTypeRegistry registry) => registry.FieldForLabel(label)?.Identifying ?? true;

    private NoteTypeRegistry? LoadRegistry(string collection)
    {
        try
        {
            return NoteTypeRegistry.Load(collection);
        }
        catch (CollectionFormatException e)
        {
            Fail(e.Message);
            return null;
        }
    }

    private int Fail(string message)
    {
        console.PlainError.WriteLine($"ankimcp note-types: {message}");
        return 1;
    }
}
