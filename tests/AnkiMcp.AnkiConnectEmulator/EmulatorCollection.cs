using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>
/// The in-memory collection of one emulated profile. Read it freely between requests; change it through
/// <see cref="AnkiConnectEmulator"/>'s helpers, which wait for the request being served, as Anki's GUI thread does.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "A collection is Anki's name for a profile's notes, cards and media.")]
public sealed partial class EmulatorCollection
{
    /// <summary>Id of the deck every fresh profile has.</summary>
    public const long DefaultDeckId = 1;

    private readonly Func<DateTimeOffset> _now;
    private readonly Dictionary<string, EmulatorDeck> _decksByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, EmulatorDeck> _decksById = [];
    private readonly Dictionary<string, EmulatorModel> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<long, EmulatorNote> _notes = [];
    private readonly Dictionary<long, EmulatorCard> _cards = [];
    private readonly Dictionary<string, string> _tags = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, byte[]> _media = new(StringComparer.Ordinal);
    private readonly Dictionary<(long ModelId, string FirstField), int> _firstFields = [];
    private long _lastId;
    private long _newCardPosition;

    internal EmulatorCollection(Func<DateTimeOffset> now)
    {
        _now = now;
        AddDeck(new EmulatorDeck(DefaultDeckId, "Default"));
        foreach (var (name, isCloze, fields, templates, css) in StockModels.All())
            CreateModel(name, isCloze, fields, templates, css);
    }

    public IReadOnlyCollection<EmulatorDeck> Decks => _decksById.Values;

    public IReadOnlyCollection<EmulatorModel> Models => _models.Values;

    public IReadOnlyCollection<EmulatorNote> Notes => _notes.Values;

    public IReadOnlyCollection<EmulatorCard> Cards => _cards.Values;

    /// <summary>Every tag Anki has registered (also those no note uses any more, until Anki cleans them up).</summary>
    public IReadOnlyCollection<string> Tags => _tags.Values;

    /// <summary>The media folder: file name → content.</summary>
    public IReadOnlyDictionary<string, byte[]> Media => _media;

    /// <summary>The deck <c>deck:current</c> means.</summary>
    public EmulatorDeck CurrentDeck => _decksById[DefaultDeckId];

    public EmulatorDeck? FindDeck(string name) => _decksByName.GetValueOrDefault(name);

    public EmulatorDeck? FindDeck(long id) => _decksById.GetValueOrDefault(id);

    public EmulatorModel? FindModel(string name) => _models.GetValueOrDefault(name);

    public EmulatorNote? FindNote(long id) => _notes.GetValueOrDefault(id);

    public EmulatorCard? FindCard(long id) => _cards.GetValueOrDefault(id);

    internal long NowSeconds => _now().ToUnixTimeSeconds();

    /// <summary>A fresh id from the millisecond clock, unique and increasing as Anki's ids are.</summary>
    internal long NextId(long? wanted = null)
    {
        if (wanted is long id && !_notes.ContainsKey(id) && !_cards.ContainsKey(id))
            return id;
        _lastId = Math.Max(_now().ToUnixTimeMilliseconds(), _lastId + 1);
        return _lastId;
    }

    /// <summary>Deck names in Anki's order (by name, case-insensitive, parents before children).</summary>
    internal IEnumerable<EmulatorDeck> SortedDecks() =>
        _decksById.Values.OrderBy(d => d.Name.Replace("::", "\u001f", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase);

    internal EmulatorDeck CreateDeck(string name, long? id = null)
    {
        EmulatorDeck? existing = FindDeck(name);
        if (existing is not null)
            return existing;
        int separator = name.LastIndexOf("::", StringComparison.Ordinal);
        if (separator > 0)
            CreateDeck(name[..separator]);
        return AddDeck(new EmulatorDeck(id is long wanted && !_decksById.ContainsKey(wanted) ? wanted : NextId(), name));
    }

    internal void RenameDeck(EmulatorDeck deck, string newName)
    {
        string oldPrefix = deck.Name + "::";
        foreach (EmulatorDeck child in _decksById.Values.Where(d => d.Name.StartsWith(oldPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            _decksByName.Remove(child.Name);
            child.Name = newName + "::" + child.Name[oldPrefix.Length..];
            _decksByName[child.Name] = child;
        }
        _decksByName.Remove(deck.Name);
        deck.Name = newName;
        _decksByName[newName] = deck;
        int separator = newName.LastIndexOf("::", StringComparison.Ordinal);
        if (separator > 0)
            CreateDeck(newName[..separator]);
    }

    /// <summary>Deletes a deck, its children and their cards (the Default deck itself stays, emptied, as in Anki).</summary>
    internal void DeleteDeck(EmulatorDeck deck)
    {
        string prefix = deck.Name + "::";
        List<EmulatorDeck> doomed = [.. _decksById.Values.Where(d => d == deck || d.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))];
        foreach (EmulatorCard card in _cards.Values.Where(c => doomed.Contains(c.Deck)).ToList())
            DeleteCard(card);
        foreach (EmulatorDeck gone in doomed.Where(d => d.Id != DefaultDeckId))
        {
            _decksById.Remove(gone.Id);
            _decksByName.Remove(gone.Name);
        }
    }

    internal EmulatorModel CreateModel(string name, bool isCloze, IEnumerable<string> fields, IEnumerable<EmulatorTemplate> templates, string css)
    {
        var model = new EmulatorModel(NextId(), name, isCloze, fields, templates, css) { Mod = NowSeconds };
        _models.Add(name, model);
        return model;
    }

    /// <summary>Anki's <c>fields_check</c>: the addNote error for these values, or null when the note can be added.</summary>
    internal string? CheckNote(EmulatorModel model, IReadOnlyList<string> values, bool allowDuplicate)
    {
        const string Unknown = "cannot create note for unknown reason";
        HashSet<string>? clozeFields = model.IsCloze ? ClozeFields(model) : null;
        if (clozeFields is not null)
        {
            for (int i = 0; i < values.Count; i++)
            {
                if (!clozeFields.Contains(model.FieldList[i]) && AnkiText.HasCloze(values[i]))
                    return Unknown;
            }
        }
        string firstField = AnkiText.StripHtmlPreservingMediaFileNames(values[0]);
        if (string.IsNullOrWhiteSpace(firstField))
            return "cannot create note because it is empty";
        if (clozeFields is not null)
        {
            bool anyCloze = false;
            for (int i = 0; i < values.Count && !anyCloze; i++)
                anyCloze = clozeFields.Contains(model.FieldList[i]) && AnkiText.HasCloze(values[i]);
            if (!anyCloze)
                return Unknown;
        }
        else if (values.Any(AnkiText.HasCloze))
        {
            return Unknown;
        }
        if (!allowDuplicate && _firstFields.GetValueOrDefault((model.Id, firstField)) > 0)
            return "cannot create note because it is a duplicate";
        return null;
    }

    internal EmulatorNote AddNote(EmulatorModel model, EmulatorDeck deck, List<string> values, IEnumerable<string> tags, long? id = null)
    {
        for (int i = 0; i < values.Count; i++)
            values[i] = AnkiText.Normalize(values[i]);
        var note = new EmulatorNote(NextId(id), model, values, CanonicalTags(tags), NowSeconds);
        _notes.Add(note.Id, note);
        Index(note, +1);
        GenerateCards(note, deck);
        if (note.CardList.Count == 0)
            AddCard(note, 0, deck);
        return note;
    }

    /// <summary>Writes field values; bumps <c>mod</c> and generates newly needed cards only when something changed.</summary>
    internal void SetValues(EmulatorNote note, IReadOnlyDictionary<int, string> valuesByIndex)
    {
        bool changed = false;
        foreach (var (index, raw) in valuesByIndex)
        {
            string value = AnkiText.Normalize(raw);
            if (note.ValueList[index] == value)
                continue;
            if (!changed)
                Index(note, -1);
            changed = true;
            note.ValueList[index] = value;
        }
        if (!changed)
            return;
        Index(note, +1);
        note.Mod = NowSeconds;
        GenerateCards(note, note.CardList.Count > 0 ? note.CardList[0].Deck : CurrentDeck);
    }

    /// <summary>Replaces a note's tags; bumps <c>mod</c> only when they changed.</summary>
    internal void SetTags(EmulatorNote note, IEnumerable<string> tags)
    {
        List<string> canonical = CanonicalTags(tags);
        if (canonical.SequenceEqual(note.TagList, StringComparer.Ordinal))
            return;
        note.TagList = canonical;
        note.Mod = NowSeconds;
    }

    internal void DeleteNote(EmulatorNote note)
    {
        foreach (EmulatorCard card in note.CardList.ToList())
            _cards.Remove(card.Id);
        note.CardList.Clear();
        Index(note, -1);
        _notes.Remove(note.Id);
    }

    internal void MoveCard(EmulatorCard card, EmulatorDeck deck)
    {
        if (card.Deck == deck)
            return;
        card.Deck = deck;
        card.Mod = NowSeconds;
    }

    /// <summary>Stores a media file the way Anki does; returns the name used.</summary>
    [SuppressMessage("Security", "CA5350", Justification = "Anki names renamed media files by their SHA-1.")]
    internal string StoreMedia(string fileName, byte[] data, bool deleteExisting)
    {
        if (!deleteExisting && _media.TryGetValue(fileName, out byte[]? existing) && !existing.AsSpan().SequenceEqual(data))
        {
            string hash = Convert.ToHexStringLower(SHA1.HashData(data));
            string extension = Path.GetExtension(fileName);
            fileName = $"{fileName[..^extension.Length]}-{hash}{extension}";
        }
        _media[fileName] = data;
        return fileName;
    }

    internal bool DeleteMedia(string fileName) => _media.Remove(fileName);

    /// <summary>Changes a model's field list (and its notes' values) while keeping the duplicate index right.</summary>
    internal void ChangeFields(EmulatorModel model, Action<EmulatorNote?> change)
    {
        List<EmulatorNote> notes = [.. _notes.Values.Where(n => n.Model == model)];
        foreach (EmulatorNote note in notes)
            Index(note, -1);
        change(null);
        foreach (EmulatorNote note in notes)
        {
            change(note);
            Index(note, +1);
        }
        model.Mod = NowSeconds;
    }

    /// <summary>Adds the cards a model's notes now need (after a template was added), as Anki does on saving the model.</summary>
    internal void GenerateCards(EmulatorModel model)
    {
        foreach (EmulatorNote note in _notes.Values.Where(n => n.Model == model))
            GenerateCards(note, note.CardList.Count > 0 ? note.CardList[0].Deck : CurrentDeck);
    }

    /// <summary>Anki's <c>canonify_tags</c>: split on spaces, de-duplicate ignoring case, reuse existing casing, sort.</summary>
    internal List<string> CanonicalTags(IEnumerable<string> tags)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string tag in tags.SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!seen.Add(tag))
                continue;
            if (!_tags.TryGetValue(tag, out string? registered))
            {
                registered = tag;
                _tags[tag] = tag;
            }
            result.Add(registered);
        }
        result.Sort(StringComparer.OrdinalIgnoreCase);
        return result;
    }

    internal void ClearUnusedTags()
    {
        var used = new HashSet<string>(_notes.Values.SelectMany(n => n.TagList), StringComparer.OrdinalIgnoreCase);
        foreach (string tag in _tags.Keys.Where(t => !used.Contains(t)).ToList())
            _tags.Remove(tag);
    }

    /// <summary>The fields a cloze note type's first template reads through a <c>{{cloze:…}}</c> filter.</summary>
    internal static HashSet<string> ClozeFields(EmulatorModel model)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        if (model.TemplateList.Count > 0)
        {
            foreach (Match match in ClozeFilter().Matches(model.TemplateList[0].Front))
                fields.Add(match.Groups[1].Value.Trim());
        }
        return fields;
    }

    private EmulatorDeck AddDeck(EmulatorDeck deck)
    {
        _decksById.Add(deck.Id, deck);
        _decksByName.Add(deck.Name, deck);
        return deck;
    }

    private void GenerateCards(EmulatorNote note, EmulatorDeck deck)
    {
        var existing = new HashSet<int>(note.CardList.Select(c => c.Ord));
        foreach (int ord in RequiredOrds(note).Where(existing.Add))
            AddCard(note, ord, deck);
        note.CardList.Sort(static (a, b) => a.Ord.CompareTo(b.Ord));
    }

    private static IEnumerable<int> RequiredOrds(EmulatorNote note)
    {
        EmulatorModel model = note.Model;
        if (model.IsCloze)
        {
            HashSet<string> clozeFields = ClozeFields(model);
            return Enumerable.Range(0, note.ValueList.Count)
                .Where(i => clozeFields.Contains(model.FieldList[i]))
                .SelectMany(i => AnkiText.ClozeNumbers(note.ValueList[i]))
                .Distinct()
                .Select(n => n - 1);
        }
        return Enumerable.Range(0, model.TemplateList.Count).Where(ord => TemplateRenders(model.TemplateList[ord].Front, note));
    }

    /// <summary>Whether a question template shows any non-empty field for this note (Anki skips cards whose question is empty).</summary>
    private static bool TemplateRenders(string template, EmulatorNote note)
    {
        string text = template;
        string previous = "";
        while (text != previous && (text.Contains("{{#", StringComparison.Ordinal) || text.Contains("{{^", StringComparison.Ordinal)))
        {
            previous = text;
            text = Section().Replace(text, m =>
            {
                bool filled = FieldFilled(note, m.Groups["field"].Value.Trim());
                bool show = m.Groups["kind"].Value == "#" ? filled : !filled;
                return show ? m.Groups["body"].Value : "";
            });
        }
        foreach (Match reference in FieldReference().Matches(text))
        {
            string name = reference.Groups[1].Value;
            int colon = name.LastIndexOf(':');
            if (FieldFilled(note, (colon >= 0 ? name[(colon + 1)..] : name).Trim()))
                return true;
        }
        return false;
    }

    private static bool FieldFilled(EmulatorNote note, string field)
    {
        int index = note.Model.FieldIndex(field);
        return index >= 0 && !string.IsNullOrWhiteSpace(AnkiText.StripHtmlPreservingMediaFileNames(note.ValueList[index]));
    }

    private void AddCard(EmulatorNote note, int ord, EmulatorDeck deck)
    {
        var card = new EmulatorCard(NextId(), note, ord, deck, NowSeconds, ++_newCardPosition);
        _cards.Add(card.Id, card);
        note.CardList.Add(card);
    }

    private void DeleteCard(EmulatorCard card)
    {
        _cards.Remove(card.Id);
        card.Note.CardList.Remove(card);
        if (card.Note.CardList.Count == 0)
            DeleteNote(card.Note);
    }

    private void Index(EmulatorNote note, int delta)
    {
        var key = (note.Model.Id, AnkiText.StripHtmlPreservingMediaFileNames(note.ValueList[0]));
        int count = _firstFields.GetValueOrDefault(key) + delta;
        if (count > 0)
            _firstFields[key] = count;
        else
            _firstFields.Remove(key);
    }

    [GeneratedRegex(@"\{\{cloze:([^}]+)\}\}")]
    private static partial Regex ClozeFilter();

    [GeneratedRegex(@"\{\{(?<kind>[#^])(?<field>[^}]+)\}\}(?<body>.*?)\{\{/\k<field>\}\}", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"\{\{(?![#^/!])([^}]+)\}\}")]
    private static partial Regex FieldReference();
}
