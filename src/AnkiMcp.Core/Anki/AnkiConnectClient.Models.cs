using System.Text.Json;

namespace AnkiMcp.Core.Anki;

public sealed partial class AnkiConnectClient
{
    /// <summary>All note type names.</summary>
    public Task<IReadOnlyList<string>> ModelNamesAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>("modelNames", null, AnkiReply.Strings, cancellationToken);

    /// <summary>All note types by name, with their ids.</summary>
    public Task<IReadOnlyDictionary<string, long>> ModelNamesAndIdsAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyDictionary<string, long>>("modelNamesAndIds", null, AnkiReply.NamesAndIds, cancellationToken);

    /// <summary>The field names of a note type, in field order.</summary>
    public Task<IReadOnlyList<string>> ModelFieldNamesAsync(string modelName, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>("modelFieldNames", w => w.WriteString("modelName"u8, modelName), AnkiReply.Strings, cancellationToken);

    /// <summary>The card templates of a note type, in template order.</summary>
    public Task<IReadOnlyList<AnkiCardTemplate>> ModelTemplatesAsync(string modelName, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<AnkiCardTemplate>>("modelTemplates", w => w.WriteString("modelName"u8, modelName), static r =>
        {
            var templates = new List<AnkiCardTemplate>();
            foreach (JsonProperty template in r.EnumerateObject())
            {
                templates.Add(new AnkiCardTemplate(
                    template.Name,
                    template.Value.GetProperty("Front"u8).GetString() ?? "",
                    template.Value.GetProperty("Back"u8).GetString() ?? ""));
            }
            return templates;
        }, cancellationToken);

    /// <summary>The CSS of a note type.</summary>
    public Task<string> ModelStylingAsync(string modelName, CancellationToken cancellationToken) =>
        CallAsync("modelStyling", w => w.WriteString("modelName"u8, modelName),
            static r => r.GetProperty("css"u8).GetString() ?? "", cancellationToken);

    /// <summary>Creates a note type; returns its id.</summary>
    public Task<long> CreateModelAsync(AnkiModelDefinition model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return CallAsync("createModel", w =>
        {
            w.WriteString("modelName"u8, model.Name);
            WriteStrings(w, "inOrderFields"u8, model.Fields);
            w.WriteString("css"u8, model.Css);
            w.WriteBoolean("isCloze"u8, model.IsCloze);
            w.WriteStartArray("cardTemplates"u8);
            foreach (AnkiCardTemplate template in model.Templates)
            {
                w.WriteStartObject();
                w.WriteString("Name"u8, template.Name);
                w.WriteString("Front"u8, template.Front);
                w.WriteString("Back"u8, template.Back);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }, static r => r.GetProperty("id"u8).GetInt64(), cancellationToken);
    }

    /// <summary>
    /// Replaces the sides of the named templates. Anki ignores unknown template names and empty sides, so a side can
    /// never be set to empty this way.
    /// </summary>
    public Task UpdateModelTemplatesAsync(string modelName, IReadOnlyCollection<AnkiCardTemplate> templates, CancellationToken cancellationToken) =>
        CallAsync("updateModelTemplates", w =>
        {
            w.WriteStartObject("model"u8);
            w.WriteString("name"u8, modelName);
            w.WriteStartObject("templates"u8);
            foreach (AnkiCardTemplate template in templates)
            {
                w.WriteStartObject(template.Name);
                w.WriteString("Front"u8, template.Front);
                w.WriteString("Back"u8, template.Back);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }, cancellationToken);

    /// <summary>Replaces the CSS of a note type.</summary>
    public Task UpdateModelStylingAsync(string modelName, string css, CancellationToken cancellationToken) =>
        CallAsync("updateModelStyling", w =>
        {
            w.WriteStartObject("model"u8);
            w.WriteString("name"u8, modelName);
            w.WriteString("css"u8, css);
            w.WriteEndObject();
        }, cancellationToken);

    /// <summary>Adds a field to a note type, at <paramref name="index"/> or at the end.</summary>
    public Task ModelFieldAddAsync(string modelName, string fieldName, int? index, CancellationToken cancellationToken) =>
        CallAsync("modelFieldAdd", w =>
        {
            w.WriteString("modelName"u8, modelName);
            w.WriteString("fieldName"u8, fieldName);
            if (index is int at)
                w.WriteNumber("index"u8, at);
        }, cancellationToken);

    /// <summary>Renames a field of a note type; Anki updates the templates that use it.</summary>
    public Task ModelFieldRenameAsync(string modelName, string oldFieldName, string newFieldName, CancellationToken cancellationToken) =>
        CallAsync("modelFieldRename", w =>
        {
            w.WriteString("modelName"u8, modelName);
            w.WriteString("oldFieldName"u8, oldFieldName);
            w.WriteString("newFieldName"u8, newFieldName);
        }, cancellationToken);

    /// <summary>Moves a field of a note type to <paramref name="index"/>.</summary>
    public Task ModelFieldRepositionAsync(string modelName, string fieldName, int index, CancellationToken cancellationToken) =>
        CallAsync("modelFieldReposition", w =>
        {
            w.WriteString("modelName"u8, modelName);
            w.WriteString("fieldName"u8, fieldName);
            w.WriteNumber("index"u8, index);
        }, cancellationToken);

    /// <summary>Adds a card template to a note type.</summary>
    public Task ModelTemplateAddAsync(string modelName, AnkiCardTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        return CallAsync("modelTemplateAdd", w =>
        {
            w.WriteString("modelName"u8, modelName);
            w.WriteStartObject("template"u8);
            w.WriteString("Name"u8, template.Name);
            w.WriteString("Front"u8, template.Front);
            w.WriteString("Back"u8, template.Back);
            w.WriteEndObject();
        }, cancellationToken);
    }
}
