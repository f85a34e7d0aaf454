using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>Note type ("model") actions.</summary>
internal static class ModelActions
{
    public static IEnumerable<ActionSpec> All()
    {
        yield return new("modelNames", [], [], static c => new JsonArray([.. c.Collection.Models.Select(m => JsonValue.Create(m.Name))]));
        yield return new("modelNamesAndIds", [], [], static c =>
        {
            var result = new JsonObject();
            foreach (EmulatorModel model in c.Collection.Models)
                result[model.Name] = model.Id;
            return result;
        });
        yield return new("modelNameFromId", ["modelId"], [], static c =>
            c.Collection.Models.FirstOrDefault(m => m.Id == c.Args.Long("modelId"))?.Name);
        yield return new("modelFieldNames", ["modelName"], [], static c =>
            new JsonArray([.. Model(c, "modelName").Fields.Select(f => JsonValue.Create(f))]));
        yield return new("modelTemplates", ["modelName"], [], static c =>
        {
            var result = new JsonObject();
            foreach (EmulatorTemplate template in Model(c, "modelName").Templates)
                result[template.Name] = new JsonObject { ["Front"] = template.Front, ["Back"] = template.Back };
            return result;
        });
        yield return new("modelStyling", ["modelName"], [], static c => new JsonObject { ["css"] = Model(c, "modelName").Css });
        yield return new("createModel", ["modelName", "inOrderFields", "cardTemplates"], ["css", "isCloze", "modelType"], CreateModel);
        yield return new("updateModelTemplates", ["model"], [], UpdateModelTemplates);
        yield return new("updateModelStyling", ["model"], [], UpdateModelStyling);
        yield return new("modelFieldAdd", ["modelName", "fieldName"], ["index"], FieldAdd);
        yield return new("modelFieldRename", ["modelName", "oldFieldName", "newFieldName"], [], FieldRename);
        yield return new("modelFieldReposition", ["modelName", "fieldName", "index"], [], FieldReposition);
        yield return new("modelFieldRemove", ["modelName", "fieldName"], [], FieldRemove);
        yield return new("modelTemplateAdd", ["modelName", "template"], [], TemplateAdd);
    }

    /// <summary>AnkiConnect's <c>getModel</c>.</summary>
    public static EmulatorModel FindModel(ActionContext c, string name) =>
        c.Collection.FindModel(name) ?? throw new AnkiActionException($"model was not found: {name}");

    private static EmulatorModel Model(ActionContext c, string parameter) => FindModel(c, c.Args.String(parameter));

    private static int FieldIndex(EmulatorModel model, string field)
    {
        int index = model.FieldIndex(field);
        return index >= 0 ? index : throw new AnkiActionException($"field was not found in {model.Name}: {field}");
    }

    private static JsonObject CreateModel(ActionContext c)
    {
        JsonArray fields = c.Args.Array("inOrderFields");
        JsonArray cards = c.Args.Array("cardTemplates");
        string name = c.Args.String("modelName");
        if (fields.Count == 0)
            throw new AnkiActionException("Must provide at least one field for inOrderFields");
        if (cards.Count == 0)
            throw new AnkiActionException("Must provide at least one card for cardTemplates");
        if (c.Collection.FindModel(name) is not null)
            throw new AnkiActionException("Model name already exists");
        var templates = new List<EmulatorTemplate>();
        int number = 0;
        foreach (JsonNode? card in cards)
        {
            number++;
            JsonObject template = ActionArguments.AsObject(card, "template");
            string templateName = template.ContainsKey("Name") ? ActionArguments.AsString(template["Name"], "Name") : $"Card {number}";
            templates.Add(new EmulatorTemplate(
                templateName,
                template.ContainsKey("Front") ? ActionArguments.AsString(template["Front"], "Front") : throw new AnkiActionException("'Front'"),
                template.ContainsKey("Back") ? ActionArguments.AsString(template["Back"], "Back") : throw new AnkiActionException("'Back'")));
        }
        string? css = c.Args.OptionalString("css");
        bool isCloze = c.Args.Bool("isCloze", false);
        EmulatorModel model = c.Collection.CreateModel(
            name, isCloze, fields.Select(f => ActionArguments.AsString(f, "field")), templates, css ?? StockModels.DefaultCss);
        return NotetypeDict(model);
    }

    /// <summary>The notetype dict Anki returns from <c>createModel</c>.</summary>
    private static JsonObject NotetypeDict(EmulatorModel model)
    {
        var templates = new JsonArray();
        for (int i = 0; i < model.Templates.Count; i++)
        {
            EmulatorTemplate t = model.Templates[i];
            templates.Add(new JsonObject
            {
                ["name"] = t.Name, ["ord"] = i, ["qfmt"] = t.Front, ["afmt"] = t.Back,
                ["bqfmt"] = "", ["bafmt"] = "", ["did"] = null, ["bfont"] = "", ["bsize"] = 0, ["id"] = model.Id + 1 + i,
            });
        }
        var fields = new JsonArray();
        for (int i = 0; i < model.Fields.Count; i++)
        {
            fields.Add(new JsonObject
            {
                ["name"] = model.Fields[i], ["ord"] = i, ["sticky"] = false, ["rtl"] = false, ["font"] = "Arial", ["size"] = 20,
                ["description"] = "", ["plainText"] = false, ["collapsed"] = false, ["excludeFromSearch"] = false,
                ["id"] = model.Id + 100 + i, ["tag"] = null, ["preventDeletion"] = false,
            });
        }
        return new JsonObject
        {
            ["id"] = model.Id, ["name"] = model.Name, ["type"] = model.IsCloze ? 1 : 0, ["mod"] = model.Mod, ["usn"] = -1,
            ["sortf"] = 0, ["did"] = null, ["tmpls"] = templates, ["flds"] = fields, ["css"] = model.Css,
            ["latexPre"] = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            ["latexPost"] = "\\end{document}", ["latexsvg"] = false,
            ["req"] = new JsonArray(new JsonArray(0, "any", new JsonArray(0))), ["originalStockKind"] = 0,
        };
    }

    private static JsonNode? UpdateModelTemplates(ActionContext c)
    {
        JsonObject request = c.Args.Object("model");
        EmulatorModel model = FindModel(c, ActionArguments.AsString(request["name"] ?? throw new AnkiActionException("'name'"), "name"));
        JsonObject templates = ActionArguments.AsObject(request["templates"], "templates");
        foreach (EmulatorTemplate template in model.TemplateList)
        {
            if (templates[template.Name] is not JsonObject sides)
                continue;
            if (ActionArguments.Truthy(sides["Front"]))
                template.Front = ActionArguments.AsString(sides["Front"], "Front");
            if (ActionArguments.Truthy(sides["Back"]))
                template.Back = ActionArguments.AsString(sides["Back"], "Back");
        }
        model.Mod = c.Collection.NowSeconds;
        c.Collection.GenerateCards(model);
        return null;
    }

    private static JsonNode? UpdateModelStyling(ActionContext c)
    {
        JsonObject request = c.Args.Object("model");
        EmulatorModel model = FindModel(c, ActionArguments.AsString(request["name"] ?? throw new AnkiActionException("'name'"), "name"));
        model.Css = ActionArguments.AsString(request["css"] ?? throw new AnkiActionException("'css'"), "css");
        model.Mod = c.Collection.NowSeconds;
        return null;
    }

    private static JsonNode? FieldAdd(ActionContext c)
    {
        EmulatorModel model = Model(c, "modelName");
        string field = c.Args.String("fieldName");
        if (model.FieldIndex(field) >= 0)
            throw new AnkiActionException("That field name is already used.");
        int index = c.Args.Get("index") is null ? model.Fields.Count : (int)Math.Clamp(c.Args.Long("index"), 0, model.Fields.Count);
        c.Collection.ChangeFields(model, note =>
        {
            if (note is null)
                model.FieldList.Insert(index, field);
            else
                note.ValueList.Insert(index, "");
        });
        return null;
    }

    private static JsonNode? FieldRename(ActionContext c)
    {
        EmulatorModel model = Model(c, "modelName");
        string oldName = c.Args.String("oldFieldName");
        string newName = c.Args.String("newFieldName");
        int index = FieldIndex(model, oldName);
        model.FieldList[index] = newName;
        var reference = new Regex(@"\{\{([#^/]?)((?:[^}:]*:)*)" + Regex.Escape(oldName) + @"\}\}");
        foreach (EmulatorTemplate template in model.TemplateList)
        {
            template.Front = reference.Replace(template.Front, "{{$1$2" + newName.Replace("$", "$$", StringComparison.Ordinal) + "}}");
            template.Back = reference.Replace(template.Back, "{{$1$2" + newName.Replace("$", "$$", StringComparison.Ordinal) + "}}");
        }
        model.Mod = c.Collection.NowSeconds;
        return null;
    }

    private static JsonNode? FieldReposition(ActionContext c)
    {
        EmulatorModel model = Model(c, "modelName");
        int from = FieldIndex(model, c.Args.String("fieldName"));
        int to = (int)Math.Clamp(c.Args.Long("index"), 0, model.Fields.Count - 1);
        c.Collection.ChangeFields(model, note =>
        {
            List<string> list = note is null ? model.FieldList : note.ValueList;
            string moved = list[from];
            list.RemoveAt(from);
            list.Insert(to, moved);
        });
        return null;
    }

    private static JsonNode? FieldRemove(ActionContext c)
    {
        EmulatorModel model = Model(c, "modelName");
        int index = FieldIndex(model, c.Args.String("fieldName"));
        c.Collection.ChangeFields(model, note => (note is null ? model.FieldList : note.ValueList).RemoveAt(index));
        return null;
    }

    private static JsonNode? TemplateAdd(ActionContext c)
    {
        EmulatorModel model = Model(c, "modelName");
        JsonObject template = c.Args.Object("template");
        string name = ActionArguments.AsString(template["Name"] ?? throw new AnkiActionException("Failed to add template: Name is required"), "Name");
        if (model.TemplateList.Any(t => t.Name == name))
            throw new AnkiActionException("Failed to add template: template name already exists");
        model.TemplateList.Add(new EmulatorTemplate(
            name,
            ActionArguments.AsString(template["Front"] ?? throw new AnkiActionException("'Front'"), "Front"),
            ActionArguments.AsString(template["Back"] ?? throw new AnkiActionException("'Back'"), "Back")));
        model.Mod = c.Collection.NowSeconds;
        c.Collection.GenerateCards(model);
        return null;
    }
}
