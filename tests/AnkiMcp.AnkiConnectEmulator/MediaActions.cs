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

    [SuppressMessage("Security", "CA5351", Justification = "AnkiConnect's skipHash is an MD5 digest.")]
    private static JsonNode? Store(ActionContext c)
    {
        string fileName = c.Args.String("filename");
        byte[] data;
        if (ActionArguments.Truthy(c.Args.Get("data")))
        {
            try
            {
                data = Convert.FromBase64String(c.Args.String("data"));
            }
            catch (FormatException)
            {
                throw new AnkiActionException("Incorrect padding");
            }
        }
        else if (ActionArguments.Truthy(c.Args.Get("path")))
        {
            string path = c.Args.String("path");
            data = File.Exists(path) ? File.ReadAllBytes(path) : throw new AnkiActionException($"[Errno 2] No such file or directory: {PythonRepr.String(path)}");
        }
        else if (ActionArguments.Truthy(c.Args.Get("url")))
        {
            // The emulator has no network: every download fails as an unreachable URL would.
            throw new AnkiActionException($"{c.Args.String("url")} download failed with return code 404");
        }
        else
        {
            throw new AnkiActionException("You must provide a \"data\", \"path\", or \"url\" field.");
        }
        if (c.Args.OptionalString("skipHash") is string skipHash
            && string.Equals(skipHash, Convert.ToHexStringLower(MD5.HashData(data)), StringComparison.Ordinal))
        {
            return null;
        }
        return c.Collection.StoreMedia(fileName, data, c.Args.Bool("deleteExisting", true));
    }
}
