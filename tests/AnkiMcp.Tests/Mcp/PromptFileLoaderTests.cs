using AnkiMcp.Mcp;

namespace AnkiMcp.Tests.Mcp;

public sealed class PromptFileLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("no front matter\n", ":1: a prompt file starts with YAML front matter")]
    [InlineData("---\nname: x\n", ":1: the front matter has no closing '---' line")]
    [InlineData("---\ntitle: no name\n---\nbody\n", ":1: the front matter needs a 'name'")]
    [InlineData("---\nname: x\narguments:\n  - description: nameless\n---\nbody\n", "every argument needs a 'name'")]
    [InlineData("---\nname: x\ntitle: [unclosed\n---\nbody\n", ".md:3:")]
    public void MalformedFile_IsRefusedNamingFileAndLine(string text, string expected)
    {
        string path = Path.Combine(_folder.Path, "broken.md");
        File.WriteAllText(path, text);

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => PromptFileLoader.LoadFromDirectory(_folder.Path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFolder_MeansNoPrompts() => Assert.Empty(PromptFileLoader.LoadFromDirectory(Path.Combine(_folder.Path, "absent")));
}
