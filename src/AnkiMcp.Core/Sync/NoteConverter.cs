using System.Runtime.CompilerServices;
using AnkiMcp.Core.Markdown.HtmlToMarkdown;
using AnkiMcp.Core.Markdown.Rendering;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Turns a note's fields from Markdown into Anki HTML and back, field by field, for the synced fields only. A run
/// needs a note's HTML several times (media references, the notes sent to Anki, their fingerprints, the read-back
/// check), so each note is rendered once and the HTML kept with the note for as long as the note lives.
/// </summary>
internal static class NoteConverter
{
    private static readonly ConditionalWeakTable<LocalNote, RenderedFields> s_rendered = [];

    /// <summary>The Anki fields of a Markdown note (HTML), without the key field; the caller owns the dictionary.</summary>
    public static Dictionary<string, string> ToAnkiFields(LocalNote note, ManagedNoteType type) =>
        new(AnkiHtml(note, type), StringComparer.Ordinal);

    /// <summary>The Anki fields of a Markdown note (HTML), without the key field, as kept with the note: to read, not to change.</summary>
    public static IReadOnlyDictionary<string, string> AnkiHtml(LocalNote note, ManagedNoteType type)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(type);
        if (!s_rendered.TryGetValue(note, out RenderedFields? rendered) || rendered.Type != type)
        {
            rendered = new RenderedFields(type, Render(note, type));
            s_rendered.AddOrUpdate(note, rendered);
        }
        return rendered.Html;
    }

    /// <summary>
    /// Renders the notes' HTML on every core ahead of the run's steps that need it. A note that cannot be rendered is
    /// left for those steps, which meet it in plan order and stop the run with its place.
    /// </summary>
    public static void RenderAll(IReadOnlyCollection<LocalNote> notes, IReadOnlyDictionary<string, ManagedNoteType> types)
    {
        try
        {
            Parallel.ForEach(notes, note =>
            {
                ManagedNoteType type = types[note.NoteTypeName];
                if (!s_rendered.TryGetValue(note, out RenderedFields? rendered) || rendered.Type != type)
                    s_rendered.AddOrUpdate(note, new RenderedFields(type, Render(note, type)));
            });
        }
        catch (AggregateException failures) when (failures.InnerExceptions.All(failure => failure is SyncRefusedException))
        {
            // Reported in order by the step that needs the note.
        }
    }

    private static Dictionary<string, string> Render(LocalNote note, ManagedNoteType type)
    {
        Dictionary<string, string> fields = new(StringComparer.Ordinal);
        foreach (string name in type.SyncedFields)
            fields[name] = note.Fields.TryGetValue(name, out string? markdown) && markdown.Length > 0 ? Render(note, name, markdown) : "";
        return fields;
    }

    /// <summary>The Markdown fields of an Anki note; empty fields are left out.</summary>
    public static Dictionary<string, string> ToMarkdownFields(RemoteNote note, ManagedNoteType type)
    {
        Dictionary<string, string> fields = new(StringComparer.Ordinal);
        foreach (string name in type.SyncedFields)
        {
            if (note.Fields.TryGetValue(name, out string? html) && html.Length > 0 && Convert(note, name, html) is { Length: > 0 } markdown)
                fields[name] = markdown;
        }
        return fields;
    }

    // Content no converter should choke on still might (nesting beyond a parser's limit): the person gets the note's place
    // and the run stops before anything changed, never a stack trace.
    private static string Render(LocalNote note, string field, string markdown)
    {
        try
        {
            return AnkiHtmlRenderer.ToHtml(markdown);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw new SyncRefusedException($"{note.File}:{note.Line}: field {field} of this note cannot be turned into Anki HTML ({failure.Message}). "
                + "Simplify that field (for instance fewer nested brackets or lists), then sync again. Nothing was changed.", failure);
        }
    }

    private static string Convert(RemoteNote note, string field, string html)
    {
        try
        {
            return AnkiHtmlConverter.ToMarkdown(html);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw new SyncRefusedException($"Anki note {note.NoteId} (deck {note.DeckName}), field {field}, cannot be turned into Markdown ({failure.Message}). "
                + $"Simplify that field in Anki's browser (search nid:{note.NoteId}), then sync again. Nothing was changed.", failure);
        }
    }

    /// <summary>Whether the Markdown note, rendered to HTML, is what Anki holds (fields and tags): the same HTML, or HTML
    /// that means the same (see <see cref="SameMeaning"/>).</summary>
    public static bool SameContent(LocalNote local, RemoteNote remote, ManagedNoteType type)
    {
        if (!local.Tags.ToHashSet(StringComparer.Ordinal).SetEquals(remote.Tags))
            return false;
        foreach ((string name, string html) in AnkiHtml(local, type))
        {
            string ankiHtml = remote.Fields.GetValueOrDefault(name, "");
            if (!string.Equals(html, ankiHtml, StringComparison.Ordinal) && !SameMeaning(html, ankiHtml))
                return false;
        }
        return true;
    }

    /// <summary>Whether HTML another tool wrote into Anki (AnkiOps: <c>&lt;strong&gt;</c> for <c>&lt;b&gt;</c>, newlines
    /// between list items, Pygments' highlighting, …) says what <paramref name="rendered"/> says: read back as Markdown,
    /// it renders to the same HTML. Differences only in how the same Markdown is spelled in HTML then plan nothing.</summary>
    private static bool SameMeaning(string rendered, string ankiHtml)
    {
        try
        {
            return string.Equals(rendered, AnkiHtmlRenderer.ToHtml(AnkiHtmlConverter.ToMarkdown(ankiHtml)), StringComparison.Ordinal);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // HTML that cannot be read back is reported where it is converted; here it only counts as different.
            return false;
        }
    }

    private sealed record RenderedFields(ManagedNoteType Type, IReadOnlyDictionary<string, string> Html);
}
