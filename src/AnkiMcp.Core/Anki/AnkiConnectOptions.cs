namespace AnkiMcp.Core.Anki;

/// <summary>Where AnkiConnect listens and the API key it expects.</summary>
/// <param name="Url">AnkiConnect's base address, e.g. <c>http://127.0.0.1:8765</c>.</param>
/// <param name="ApiKey">The <c>apiKey</c> from AnkiConnect's config, or null when none is set there.</param>
public sealed record AnkiConnectOptions(Uri Url, string? ApiKey = null)
{
    /// <summary>The address used when neither <c>--anki-url</c> nor <c>ANKI_CONNECT_URL</c> gives one.</summary>
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:8765");

    /// <summary>How long one request may take. Anki answers on its GUI thread, and bulk calls on large collections take seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Options from the command line and environment: <paramref name="urlOverride"/>, else <c>ANKI_CONNECT_URL</c>,
    /// else <see cref="DefaultUrl"/>; the key from <c>ANKI_CONNECT_KEY</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The URL given is not an absolute http(s) address.</exception>
    public static AnkiConnectOptions Resolve(string? urlOverride) => Resolve(urlOverride, Environment.GetEnvironmentVariable);

    internal static AnkiConnectOptions Resolve(string? urlOverride, Func<string, string?> environment)
    {
        string? fromEnvironment = environment("ANKI_CONNECT_URL");
        string? text = !string.IsNullOrWhiteSpace(urlOverride) ? urlOverride
            : !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment
            : null;
        Uri url = text is null ? DefaultUrl : ParseUrl(text.Trim());
        string? key = environment("ANKI_CONNECT_KEY");
        return new AnkiConnectOptions(url, string.IsNullOrEmpty(key) ? null : key);
    }

    private static Uri ParseUrl(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            return url;
        throw new ArgumentException(
            $"'{text}' is not an AnkiConnect address: give an http URL such as http://127.0.0.1:8765 with --anki-url or ANKI_CONNECT_URL.",
            nameof(text));
    }
}
