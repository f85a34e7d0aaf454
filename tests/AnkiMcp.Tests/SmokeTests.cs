namespace AnkiMcp.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void TestDataIsCopied() => Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "TestData", "ankiconnect-examples.json")));
}
