namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>How an <see cref="AnkiConnectEmulator"/> is configured, mirroring AnkiConnect's config keys.</summary>
public sealed record EmulatorOptions
{
    /// <summary>AnkiConnect's <c>apiKey</c>: when set, every request (and every <c>multi</c> sub-action) must carry it.</summary>
    public string? ApiKey { get; init; }

    /// <summary>AnkiConnect's <c>webCorsOriginList</c>.</summary>
    public IReadOnlyList<string> CorsOriginList { get; init; } = ["http://localhost"];

    /// <summary>AnkiConnect's <c>ignoreOriginList</c>: origins whose permission requests are denied without asking.</summary>
    public IReadOnlyList<string> IgnoreOriginList { get; init; } = [];

    /// <summary>The profiles Anki knows; the first is active unless <see cref="ActiveProfile"/> says otherwise.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = ["User 1"];

    /// <summary>The profile open at start.</summary>
    public string? ActiveProfile { get; init; }

    /// <summary>
    /// Emulate the 2023 add-on's <c>addNotes</c> (null for each failed note, no error) instead of today's all-or-nothing
    /// behaviour.
    /// </summary>
    public bool LegacyAddNotes { get; init; }

    /// <summary>Anki's clock, for note and card modification times; tests that compare those times pass a fixed one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
