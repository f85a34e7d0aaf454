using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>Media actions; the media folder lives in memory.</summary>
internal static class MediaActions
{
    public static IEnumerable<ActionSpec> All()
    {
        yield return new("storeMediaFile", ["filename"], ["data", "path", "url", "skipHash", "deleteExisting"], Store);
        yield return new("retrieveMediaFile", ["filename"], [], static c =>
            c.Collection.Media.TryGetValue(c.Args.String("filename"), out byte[]? data) ? Convert.ToBase64String(data) : false);
        yield return new("getMediaFilesNames", [], ["pattern"], static c =>
        {
            var glob = AnkiText.FileGlob(c.Args.OptionalString("pattern") ?? "*");
            return new JsonArray([.. c.Collection.Media.Keys.Where(n => glob.IsMatch(n)).Select(n => JsonValue.Create(n))]);
        });
        yield return new("deleteMediaFile", ["filename"], [], static c =>
        {
            c.Collection.DeleteMedia(c.Args.String("filename"));
            return null;
        });
        yield return new("getMediaDirPath", [], [], static c =>
            Path.Combine(Path.GetTempPath(), "AnkiConnectEmulator", c.State.ActiveProfile, "collection.media"));
    }

    /// <summary>
    /// The <c>audio</c>/<c>video</c>/<c>picture</c> objects of a note: each file is stored and referenced at the end of
    /// the listed fields; a failure does not fail the call but lands, HTML-escaped, in those fields instead.
    /// </summary>
    public static void Attach(EmulatorCollection collection, JsonObject note, EmulatorModel model, IList<string> values)
    {
        foreach (string kind in (string[])["audio", "video", "picture"])
        {
            JsonNode? given = note[kind];
            IEnumerable<JsonNode?> items = given switch
            {
                null => [],
                JsonArray array => array,
                _ => [given],
            };
            foreach (JsonObject item in items.OfType<JsonObject>())
            {
                string addition;
                try
                {
                    var args = new ActionArguments(item);
                    string? stored = StoreFile(collection, args, args.Bool("deleteExisting", false));
                    if (stored is null)
                        continue;
                    addition = kind == "picture" ? $"<img src=\"{stored}\">" : $"[sound:{stored}]";
                }
                catch (AnkiActionException e)
                {
                    addition = e.Message.Replace("&", "&amp;", StringComparison.Ordinal)
                        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
                }
                foreach (JsonNode? field in item["fields"] as JsonArray ?? [])
                {
                    int index = field is JsonValue name && name.TryGetValue(out string? text) ? model.FieldIndex(text) : -1;
                    if (index >= 0)
                        values[index] += addition;
                }
            }
        }
    }

    private static JsonNode? Store(ActionContext c) => StoreFile(c.Collection, c.Args, c.Args.Bool("deleteExisting", true));

    /// <summary>AnkiConnect's <c>storeMediaFile</c>; null when <c>skipHash</c> matched and nothing was stored.</summary>
    [SuppressMessage("Security", "CA5351", Justification = "AnkiConnect's skipHash is an MD5 digest.")]
    private static string? StoreFile(EmulatorCollection collection, ActionArguments args, bool deleteExisting)
    {
        string fileName = args.String("filename");
        byte[] data;
        if (ActionArguments.Truthy(args.Get("data")))
        {
            try
            {
                data = Convert.FromBase64String(args.String("data"));
            }
            catch (FormatException)
            {
                throw new AnkiActionException("Incorrect padding");
            }
        }
        else if (ActionArguments.Truthy(args.Get("path")))
        {
            string path = args.String("path");
            data = File.Exists(path) ? File.ReadAllBytes(path) : throw new AnkiActionException($"[Errno 2] No such file or directory: {PythonRepr.String(path)}");
        }
        else if (ActionArguments.Truthy(args.Get("url")))
        {
            // The emulator has no network: every download fails as an unreachable URL would.
            throw new AnkiActionException($"{args.String("url")} download failed with return code 404");
        }
        else
        {
            throw new AnkiActionException("You must provide a \"data\", \"path\", or \"url\" field.");
        }
        if (args.OptionalString("skipHash") is string skipHash
            && string.Equals(skipHash, Convert.ToHexStringLower(MD5.HashData(data)), StringComparison.Ordinal))
        {
            return null;
        }
        return collection.StoreMedia(fileName, data, deleteExisting);
    }
}
