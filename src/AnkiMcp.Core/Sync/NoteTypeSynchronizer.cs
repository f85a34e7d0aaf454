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
            writes.Add(new AnkiAction("createModel", new
            {
                modelName = type.Name,
                inOrderFields = type.Definition.AnkiFieldNames,
                cardTemplates = type.Definition.Templates.Select(template => new Dictionary<string, string>
                {
                    ["Name"] = template.Name,
                    ["Front"] = template.Front,
                    ["Back"] = template.Back,
                }).ToList(),
                css = type.Definition.Css,
                isCloze = type.Definition.IsCloze,
            }));
        }

        List<ManagedNoteType> existing = [.. types.Where(type => modelNames.Contains(type.Name))];
        if (existing.Count > 0)
        {
            IReadOnlyList<AnkiActionResult> current = await client.MultiAsync(
                [.. existing.SelectMany(type => new AnkiAction[]
                {
                    new("modelFieldNames", new { modelName = type.Name }),
                    new("modelTemplates", new { modelName = type.Name }),
                    new("modelStyling", new { modelName = type.Name }),
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
            writes.Add(new AnkiAction("modelFieldAdd", new { modelName = type.Name, fieldName = wanted[index], index }));
            details.Add($"field {wanted[index]} added");
        }

        JsonElement ankiTemplates = templatesResult.GetResultOrThrow();
        Dictionary<string, Dictionary<string, string>> updates = [];
        foreach (NoteTemplateDefinition template in type.Definition.Templates)
        {
            if (!ankiTemplates.TryGetProperty(template.Name, out JsonElement sides))
            {
                writes.Add(new AnkiAction("modelTemplateAdd", new
                {
                    modelName = type.Name,
                    template = new Dictionary<string, string> { ["Name"] = template.Name, ["Front"] = template.Front, ["Back"] = template.Back },
                }));
                details.Add($"template {template.Name} added");
            }
            else if (sides.GetProperty("Front").GetString() != template.Front || sides.GetProperty("Back").GetString() != template.Back)
            {
                updates[template.Name] = new Dictionary<string, string> { ["Front"] = template.Front, ["Back"] = template.Back };
                details.Add($"template {template.Name} updated");
            }
        }
        if (updates.Count > 0)
            writes.Add(new AnkiAction("updateModelTemplates", new { model = new { name = type.Name, templates = updates } }));

        if (stylingResult.GetResultOrThrow().GetProperty("css").GetString() != type.Definition.Css)
        {
            writes.Add(new AnkiAction("updateModelStyling", new { model = new { name = type.Name, css = type.Definition.Css } }));
            details.Add("styling updated");
        }
        if (details.Count > 0)
            changes.Add(new NoteTypeChange(type.Name, SyncChangeKind.Update, string.Join(", ", details)));
    }

    private static string ComputeHash(IEnumerable<ManagedNoteType> types)
    {
        var canonical = types.OrderBy(type => type.Name, StringComparer.Ordinal).Select(type => new
        {
            name = type.Name,
            fields = type.Definition.AnkiFieldNames,
            cloze = type.Definition.IsCloze,
            templates = type.Definition.Templates.Select(template => new[] { template.Name, template.Front, template.Back }),
            css = type.Definition.Css,
        });
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical)));
    }
}
