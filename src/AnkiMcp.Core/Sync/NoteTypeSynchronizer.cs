using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Creates the note types of <c>note_types/</c> in Anki and brings existing ones up to date (fields added, templates,
/// styling). Anki fields are never removed: they may hold data. Unchanged definitions cost no request at all.
/// </summary>
internal sealed class NoteTypeSynchronizer(AnkiConnectClient client)
{
    /// <summary>What would change, and the Anki actions that change it.</summary>
    public async Task<NoteTypePlan> PlanAsync(IReadOnlyCollection<ManagedNoteType> types, IReadOnlySet<string> modelNames, string? storedHash, CancellationToken cancellationToken)
    {
        string hash = ComputeHash(types);
        List<ManagedNoteType> missing = [.. types.Where(type => !modelNames.Contains(type.Name))];
        if (missing.Count == 0 && hash == storedHash)
            return new NoteTypePlan(hash, [], []);

        List<NoteTypeChange> changes = [];
        List<AnkiAction> writes = [];
        foreach (ManagedNoteType type in missing)
        {
            changes.Add(new NoteTypeChange(type.Name, SyncChangeKind.Create));
            writes.Add(AnkiAction.Written("createModel", writer =>
            {
                writer.WriteString("modelName"u8, type.Name);
                AnkiConnectClient.WriteStrings(writer, "inOrderFields"u8, type.Definition.AnkiFieldNames);
                writer.WriteStartArray("cardTemplates"u8);
                foreach (NoteTemplateDefinition template in type.Definition.Templates)
                    WriteTemplate(writer, template, withName: true);
                writer.WriteEndArray();
                writer.WriteString("css"u8, type.Definition.Css);
                writer.WriteBoolean("isCloze"u8, type.Definition.IsCloze);
            }));
        }

        List<ManagedNoteType> existing = [.. types.Where(type => modelNames.Contains(type.Name))];
        if (existing.Count > 0)
        {
            IReadOnlyList<AnkiActionResult> current = await client.MultiAsync(
                [.. existing.SelectMany(type => new[]
                {
                    AnkiAction.OfModel("modelFieldNames", type.Name),
                    AnkiAction.OfModel("modelTemplates", type.Name),
                    AnkiAction.OfModel("modelStyling", type.Name),
                })],
                cancellationToken);
            for (int i = 0; i < existing.Count; i++)
                PlanUpdate(existing[i], current[3 * i], current[(3 * i) + 1], current[(3 * i) + 2], changes, writes);
        }
        return new NoteTypePlan(hash, changes, writes);
    }

    /// <summary>Sends the plan's writes in one request.</summary>
    public async Task ApplyAsync(NoteTypePlan plan, CancellationToken cancellationToken)
    {
        if (plan.Writes.Count == 0)
            return;
        IReadOnlyList<AnkiActionResult> results = await client.MultiAsync(plan.Writes, cancellationToken);
        for (int i = 0; i < results.Count; i++)
            results[i].GetResultOrThrow();
    }

    private static void PlanUpdate(ManagedNoteType type, AnkiActionResult fieldsResult, AnkiActionResult templatesResult, AnkiActionResult stylingResult, List<NoteTypeChange> changes, List<AnkiAction> writes)
    {
        List<string> details = [];
        HashSet<string> ankiFields = [.. fieldsResult.GetResultOrThrow().EnumerateArray().Select(name => name.GetString()!)];
        IReadOnlyList<string> wanted = type.Definition.AnkiFieldNames;
        for (int index = 0; index < wanted.Count; index++)
        {
            if (ankiFields.Contains(wanted[index]))
                continue;
            string fieldName = wanted[index];
            int at = index;
            writes.Add(AnkiAction.Written("modelFieldAdd", writer =>
            {
                writer.WriteString("modelName"u8, type.Name);
                writer.WriteString("fieldName"u8, fieldName);
                writer.WriteNumber("index"u8, at);
            }));
            details.Add($"field {wanted[index]} added");
        }

        JsonElement ankiTemplates = templatesResult.GetResultOrThrow();
        List<NoteTemplateDefinition> updates = [];
        foreach (NoteTemplateDefinition template in type.Definition.Templates)
        {
            if (!ankiTemplates.TryGetProperty(template.Name, out JsonElement sides))
            {
                writes.Add(AnkiAction.Written("modelTemplateAdd", writer =>
                {
                    writer.WriteString("modelName"u8, type.Name);
                    writer.WritePropertyName("template"u8);
                    WriteTemplate(writer, template, withName: true);
                }));
                details.Add($"template {template.Name} added");
            }
            else if (sides.GetProperty("Front").GetString() != template.Front || sides.GetProperty("Back").GetString() != template.Back)
            {
                updates.Add(template);
                details.Add($"template {template.Name} updated");
            }
        }
        if (updates.Count > 0)
        {
            writes.Add(AnkiAction.Written("updateModelTemplates", writer =>
            {
                writer.WriteStartObject("model"u8);
                writer.WriteString("name"u8, type.Name);
                writer.WriteStartObject("templates"u8);
                foreach (NoteTemplateDefinition template in updates)
                {
                    writer.WritePropertyName(template.Name);
                    WriteTemplate(writer, template, withName: false);
                }
                writer.WriteEndObject();
                writer.WriteEndObject();
            }));
        }

        if (stylingResult.GetResultOrThrow().GetProperty("css").GetString() != type.Definition.Css)
        {
            writes.Add(AnkiAction.Written("updateModelStyling", writer =>
            {
                writer.WriteStartObject("model"u8);
                writer.WriteString("name"u8, type.Name);
                writer.WriteString("css"u8, type.Definition.Css);
                writer.WriteEndObject();
            }));
            details.Add("styling updated");
        }
        if (details.Count > 0)
            changes.Add(new NoteTypeChange(type.Name, SyncChangeKind.Update, string.Join(", ", details)));
    }

    private static void WriteTemplate(Utf8JsonWriter writer, NoteTemplateDefinition template, bool withName)
    {
        writer.WriteStartObject();
        if (withName)
            writer.WriteString("Name"u8, template.Name);
        writer.WriteString("Front"u8, template.Front);
        writer.WriteString("Back"u8, template.Back);
        writer.WriteEndObject();
    }

    /// <summary>The SHA-256 of the note types' canonical JSON (by name: name, fields, cloze, templates as [name, front,
    /// back], css), as recorded in the sync state: the same bytes as ever, so a recorded hash stays valid.</summary>
    internal static string ComputeHash(IEnumerable<ManagedNoteType> types)
    {
        ArrayBufferWriter<byte> canonical = new();
        using (Utf8JsonWriter writer = new(canonical))
        {
            writer.WriteStartArray();
            foreach (ManagedNoteType type in types.OrderBy(type => type.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name"u8, type.Name);
                AnkiConnectClient.WriteStrings(writer, "fields"u8, type.Definition.AnkiFieldNames);
                writer.WriteBoolean("cloze"u8, type.Definition.IsCloze);
                writer.WriteStartArray("templates"u8);
                foreach (NoteTemplateDefinition template in type.Definition.Templates)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(template.Name);
                    writer.WriteStringValue(template.Front);
                    writer.WriteStringValue(template.Back);
                    writer.WriteEndArray();
                }
                writer.WriteEndArray();
                writer.WriteString("css"u8, type.Definition.Css);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(canonical.WrittenSpan));
    }
}
