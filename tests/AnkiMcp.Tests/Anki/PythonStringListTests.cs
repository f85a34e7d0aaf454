using AnkiMcp.Core.Anki;

namespace AnkiMcp.Tests.Anki;

public sealed class PythonStringListTests
{
    [Fact]
    public void Parses_PythonsListRepr_WithBothQuoteStyles()
    {
        Assert.True(PythonStringList.TryParse("""['model was not found: X', "deck was not found: it's", 'say \'hi\' "x"', 'back\\slash']""", out List<string> items));

        Assert.Equal(["model was not found: X", "deck was not found: it's", "say 'hi' \"x\"", "back\\slash"], items);
    }

    [Theory]
    [InlineData("cannot create note because it is a duplicate")]
    [InlineData("['unterminated]")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public void Rejects_WhatIsNotAListOfStrings(string text) => Assert.False(PythonStringList.TryParse(text, out _));

    [Fact]
    public void EmptyList_IsAListWithoutItems()
    {
        Assert.True(PythonStringList.TryParse("[]", out List<string> items));
        Assert.Empty(items);
    }
}
