namespace AnkiMcp.Core.Anki;

/// <summary>AnkiConnect could not be reached, the connection broke before Anki answered, or Anki has no profile open.</summary>
public sealed class AnkiUnavailableException : Exception
{
    public AnkiUnavailableException()
        : base(Advice(null))
    {
    }

    public AnkiUnavailableException(string message)
        : base(message)
    {
    }

    public AnkiUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What the user should do when Anki runs but shows its profile chooser, so no collection is loaded.</summary>
    internal const string ProfileChooserAdvice =
        "Anki is running but no profile is open (it shows the profile chooser): open your profile in Anki, then try again.";

    /// <summary>What the user should do when nothing answers at <paramref name="url"/>.</summary>
    internal static string Advice(Uri? url) =>
        $"Anki is not reachable at {url?.ToString() ?? AnkiConnectOptions.DefaultUrl.ToString()}. Start Anki with the AnkiConnect add-on "
        + "(Tools → Add-ons → Get Add-ons → code 2055492159, then restart Anki), "
        + "or point --anki-url / ANKI_CONNECT_URL at the address AnkiConnect listens on.";
}
