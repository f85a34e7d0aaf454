using System.Text.Json;

namespace AnkiMcp.Core.Anki;

public sealed partial class AnkiConnectClient
{
    /// <summary>AnkiConnect's API version (6 for every build this client supports).</summary>
    public Task<int> VersionAsync(CancellationToken cancellationToken) =>
        CallAsync("version", null, static r => r.GetInt32(), cancellationToken);

    /// <summary>The profiles Anki knows.</summary>
    public Task<IReadOnlyList<string>> GetProfilesAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>("getProfiles", null, AnkiReply.Strings, cancellationToken);

    /// <summary>The profile Anki has open.</summary>
    public Task<string> GetActiveProfileAsync(CancellationToken cancellationToken) =>
        CallAsync("getActiveProfile", null, static r => r.GetString() ?? "", cancellationToken);

    /// <summary>Asks Anki to switch to <paramref name="name"/>; false when there is no such profile.</summary>
    public Task<bool> LoadProfileAsync(string name, CancellationToken cancellationToken) =>
        CallAsync("loadProfile", w => w.WriteString("name"u8, name), static r => r.GetBoolean(), cancellationToken);

    /// <summary>Syncs Anki with AnkiWeb.</summary>
    public Task SyncAsync(CancellationToken cancellationToken) => CallAsync("sync", null, cancellationToken);

    /// <summary>Whether AnkiConnect trusts this client, and whether it wants an API key.</summary>
    public Task<bool> RequestPermissionAsync(CancellationToken cancellationToken) =>
        CallAsync("requestPermission", null,
            static r => r.TryGetProperty("permission"u8, out JsonElement permission) && permission.GetString() == "granted",
            cancellationToken);
}
