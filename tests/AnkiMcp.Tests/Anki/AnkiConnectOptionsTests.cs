using AnkiMcp.Core.Anki;

namespace AnkiMcp.Tests.Anki;

public sealed class AnkiConnectOptionsTests
{
    private static Func<string, string?> Environment(string? url, string? key) =>
        name => name switch { "ANKI_CONNECT_URL" => url, "ANKI_CONNECT_KEY" => key, _ => null };

    [Fact]
    public void Resolve_PrefersTheOverride_ThenTheEnvironment_ThenTheDefault()
    {
        Assert.Equal(new Uri("http://10.0.0.5:9000"), AnkiConnectOptions.Resolve("http://10.0.0.5:9000", Environment("http://env:1", null)).Url);
        Assert.Equal(new Uri("http://env:1"), AnkiConnectOptions.Resolve(null, Environment("http://env:1", null)).Url);
        Assert.Equal(new Uri("http://127.0.0.1:8765"), AnkiConnectOptions.Resolve(" ", Environment("", null)).Url);
    }

    [Fact]
    public void Resolve_TakesTheKeyFromTheEnvironment_AndAnEmptyKeyMeansNone()
    {
        Assert.Equal("k", AnkiConnectOptions.Resolve(null, Environment(null, "k")).ApiKey);
        Assert.Null(AnkiConnectOptions.Resolve(null, Environment(null, "")).ApiKey);
    }

    [Theory]
    [InlineData("localhost:8765")]
    [InlineData("ftp://127.0.0.1:8765")]
    [InlineData("not a url")]
    public void Resolve_RejectsWhatIsNotAnHttpUrl_SayingWhereToFixIt(string url)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => AnkiConnectOptions.Resolve(url, Environment(null, null)));

        Assert.Contains("--anki-url", e.Message, StringComparison.Ordinal);
    }
}
