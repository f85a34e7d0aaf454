namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>The <c>{width=N}</c> attribute after a Markdown image (AnkiOps' syntax), stored on the image inline.</summary>
internal sealed record ImageWidth(string Value);
