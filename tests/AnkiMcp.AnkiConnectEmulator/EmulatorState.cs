using System.Collections.Concurrent;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>Everything an emulated Anki holds: config, profiles and their collections, counters and planned faults.</summary>
internal sealed class EmulatorState
{
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, EmulatorCollection> _profiles = new(StringComparer.Ordinal);

    public EmulatorState(EmulatorOptions options)
    {
        ApiKey = options.ApiKey;
        CorsOrigins = [.. options.CorsOriginList];
        IgnoreOrigins = [.. options.IgnoreOriginList];
        LegacyAddNotes = options.LegacyAddNotes;
        _clock = options.Clock;
        ProfileNames = [.. options.Profiles];
        if (ProfileNames.Count == 0)
            throw new ArgumentException("An emulated Anki needs at least one profile.", nameof(options));
        ActiveProfile = options.ActiveProfile ?? ProfileNames[0];
        if (!ProfileNames.Contains(ActiveProfile))
            ProfileNames.Add(ActiveProfile);
    }

    public string? ApiKey { get; set; }

    public List<string> CorsOrigins { get; }

    public List<string> IgnoreOrigins { get; }

    public bool LegacyAddNotes { get; set; }

    public List<string> ProfileNames { get; }

    public string ActiveProfile { get; set; }

    public TimeSpan ClockOffset { get; set; }

    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Anki's Browser window.</summary>
    public EmulatorBrowser Browser { get; } = new();

    /// <summary>The user opens the Browser on this note just before the next call of this action (a race a test stages).</summary>
    public (string Action, long NoteId)? BrowseBeforeAction { get; set; }

    public DateTimeOffset Now => _clock.GetUtcNow() + ClockOffset;

    /// <summary>False while Anki shows its profile chooser: no collection is loaded.</summary>
    public bool ProfileLoaded { get; set; } = true;

    /// <summary>The active profile's collection (created on first use, like a fresh profile); at the profile chooser,
    /// every action that needs it fails as the add-on's <c>collection()</c> does.</summary>
    public EmulatorCollection Collection => ProfileLoaded ? CollectionOf(ActiveProfile) : throw new AnkiActionException("collection is not available");

    public int HttpRequestCount;

    /// <summary>Stopwatch ticks spent answering requests since the last reset (see <see cref="AnkiConnectEmulator.BusyTime"/>).</summary>
    public long BusyTicks;

    public ConcurrentDictionary<string, int> ActionCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The HTTP request number (1-based, counted since the last reset) whose connection is dropped.</summary>
    public int? DropOnRequest { get; set; }

    /// <summary>The action whose call is dropped, with the call number (counted from when the fault was set).</summary>
    public (string Action, int Remaining, bool ThenRefuse)? DropOnAction { get; set; }

    public EmulatorCollection CollectionOf(string profile)
    {
        if (!_profiles.TryGetValue(profile, out EmulatorCollection? collection))
        {
            collection = new EmulatorCollection(() => Now);
            _profiles.Add(profile, collection);
        }
        return collection;
    }
}
