using Markdig.Syntax.Inlines;

namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>Markdig leaves a delimiter that found no partner (<c>[</c>, <c>*</c>, <c>==</c>) in the tree as a container
/// of everything after it, so <c>[</c> × 2,500 nests 2,500 deep and trips the renderer's depth limit. Each such delimiter
/// becomes its text followed by what it held, in place.</summary>
internal static class DanglingDelimiters
{
    // One stack per thread, not one per paragraph: every paragraph of every field is walked.
    [ThreadStatic]
    private static Stack<ContainerInline>? t_containers;

    public static void Flatten(ContainerInline? root)
    {
        if (root is null)
            return;
        Stack<ContainerInline> containers = t_containers ??= new();
        containers.Clear();
        containers.Push(root);
        while (containers.TryPop(out ContainerInline? container))
        {
            Inline? child = container.FirstChild;
            while (child is not null)
            {
                if (child is DelimiterInline delimiter)
                {
                    LiteralInline literal = new(delimiter.ToLiteral());
                    delimiter.InsertBefore(literal);
                    Inline last = literal;
                    for (Inline? inner = delimiter.FirstChild; inner is not null;)
                    {
                        Inline? next = inner.NextSibling;
                        inner.Remove();
                        last.InsertAfter(inner);
                        last = inner;
                        inner = next;
                    }
                    delimiter.Remove();
                    child = literal.NextSibling;
                    continue;
                }
                if (child is ContainerInline nested)
                    containers.Push(nested);
                child = child.NextSibling;
            }
        }
    }
}
