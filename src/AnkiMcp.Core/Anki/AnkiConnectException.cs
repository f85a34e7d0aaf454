namespace AnkiMcp.Core.Anki;

/// <summary>AnkiConnect answered, but with an error.</summary>
public sealed class AnkiConnectException : Exception
{
    public AnkiConnectException()
    {
    }

    public AnkiConnectException(string message)
        : base(message)
    {
    }

    public AnkiConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AnkiConnectException(string action, string ankiError, string message)
        : base(message)
    {
        Action = action;
        AnkiError = ankiError;
    }

    /// <summary>The action that failed, e.g. <c>addNote</c>.</summary>
    public string? Action { get; }

    /// <summary>The error text exactly as AnkiConnect gave it.</summary>
    public string? AnkiError { get; }

    /// <summary>
    /// The exception for <paramref name="ankiError"/>, with advice where the text is one AnkiConnect is known to give; at
    /// Anki's profile chooser, where every action that needs the collection fails, an <see cref="AnkiUnavailableException"/>.
    /// </summary>
    internal static Exception FromReply(string action, string ankiError, bool apiKeyConfigured)
    {
        if (ankiError == "collection is not available")
            return new AnkiUnavailableException(AnkiUnavailableException.ProfileChooserAdvice);
        string message = ankiError == "valid api key must be provided"
            ? apiKeyConfigured
                ? "AnkiConnect rejected the API key in ANKI_CONNECT_KEY: make it equal to apiKey in AnkiConnect's config "
                  + "(Anki → Tools → Add-ons → AnkiConnect → Config), or unset it if no key is configured there."
                : "AnkiConnect requires an API key: set ANKI_CONNECT_KEY to the apiKey in AnkiConnect's config "
                  + "(Anki → Tools → Add-ons → AnkiConnect → Config)."
            : ankiError == "unsupported action"
                ? $"AnkiConnect does not know the action '{action}': update the AnkiConnect add-on (Tools → Add-ons → Check for Updates)."
                : $"Anki refused {action}: {ankiError}";
        return new AnkiConnectException(action, ankiError, message);
    }
}
