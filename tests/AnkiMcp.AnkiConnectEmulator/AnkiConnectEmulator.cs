using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>
/// An in-memory Anki with the AnkiConnect add-on (API v6), listening on 127.0.0.1 at a random port. Like the add-on it
/// reads one request per connection, answers, and closes the connection without a <c>Connection: close</c> header;
/// requests are served one at a time, as Anki's GUI thread does.
/// </summary>
public sealed class AnkiConnectEmulator : IAsyncDisposable
{
    private readonly EmulatorState _state;
    private readonly RequestHandler _handler;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _listenerLock = new();
    private readonly List<Task> _connections = [];
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    private AnkiConnectEmulator(EmulatorOptions options)
    {
        _state = new EmulatorState(options);
        _handler = new RequestHandler(_state, new ActionDispatcher(_state, RefuseConnections));
    }

    /// <summary>The base URL to give an AnkiConnect client, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The port the emulator listens on (kept across <see cref="RefuseConnections"/>/<see cref="AcceptConnections"/>).</summary>
    public int Port { get; private set; }

    /// <summary>The active profile's collection.</summary>
    public EmulatorCollection Collection => _state.Collection;

    /// <summary>HTTP requests received since start or the last <see cref="ResetCounters"/>.</summary>
    public int HttpRequestCount => Volatile.Read(ref _state.HttpRequestCount);

    /// <summary>
    /// Time spent answering requests since start or the last <see cref="ResetCounters"/>: from holding the "GUI thread"
    /// until the reply is written, so a benchmark can tell the client's own time from Anki's. Reading the request is
    /// left out: that is mostly waiting for the client to send it.
    /// </summary>
    public TimeSpan BusyTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _state.BusyTicks));

    /// <summary>Calls per action name, top-level and inside <c>multi</c> alike.</summary>
    public IReadOnlyDictionary<string, int> ActionCounts => new Dictionary<string, int>(_state.ActionCounts, StringComparer.Ordinal);

    /// <summary>The profile Anki has open.</summary>
    public string ActiveProfile => _state.ActiveProfile;

    public static async Task<AnkiConnectEmulator> StartAsync(EmulatorOptions? options = null)
    {
        var emulator = new AnkiConnectEmulator(options ?? new EmulatorOptions());
        emulator.Listen(port: 0);
        await Task.Yield();
        return emulator;
    }

    /// <summary>How often <paramref name="action"/> was called (top-level and inside <c>multi</c>).</summary>
    public int ActionCount(string action) => _state.ActionCounts.GetValueOrDefault(action);

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _state.HttpRequestCount, 0);
        Interlocked.Exchange(ref _state.BusyTicks, 0);
        _state.ActionCounts.Clear();
    }

    /// <summary>Stops listening, so connections are refused as when Anki is closed.</summary>
    public void RefuseConnections()
    {
        lock (_listenerLock)
        {
            _listener?.Stop();
            _listener = null;
        }
    }

    /// <summary>Listens again on the same port, as when Anki is started again.</summary>
    public void AcceptConnections()
    {
        lock (_listenerLock)
        {
            if (_listener is null)
                Listen(Port);
        }
    }

    /// <summary>Reads the <paramref name="requestNumber"/>-th HTTP request (counted like <see cref="HttpRequestCount"/>) and closes the connection without answering.</summary>
    public void DropConnectionOnRequest(int requestNumber) => _state.DropOnRequest = requestNumber;

    /// <summary>
    /// Closes the connection without answering when <paramref name="action"/> is called for the
    /// <paramref name="occurrence"/>-th time from now (inside <c>multi</c> too: the sub-actions before it have run,
    /// as in Anki). With <paramref name="thenRefuseConnections"/>, Anki stays away afterwards.
    /// </summary>
    public void DropConnectionOnAction(string action, int occurrence = 1, bool thenRefuseConnections = false) =>
        _state.DropOnAction = (action, occurrence, thenRefuseConnections);

    /// <summary>Sets (or clears) AnkiConnect's <c>apiKey</c>.</summary>
    public void SetApiKey(string? apiKey) => Locked(() => _state.ApiKey = apiKey);

    /// <summary>Opens another profile (known or new), as the user would in Anki.</summary>
    public void SetActiveProfile(string profile) => Locked(() =>
    {
        if (!_state.ProfileNames.Contains(profile))
            _state.ProfileNames.Add(profile);
        _state.ActiveProfile = profile;
        _state.ProfileLoaded = true;
    });

    /// <summary>Closes the profile (File → Switch Profile): Anki shows its profile chooser until <see cref="SetActiveProfile"/>.</summary>
    public void ShowProfileChooser() => Locked(() => _state.ProfileLoaded = false);

    /// <summary>Switches between today's all-or-nothing <c>addNotes</c> and the 2023 one (null per failed note).</summary>
    public void SetLegacyAddNotes(bool legacy) => Locked(() => _state.LegacyAddNotes = legacy);

    /// <summary>Makes every reply wait, as a busy Anki does.</summary>
    public void SetReplyDelay(TimeSpan delay) => Locked(() => _state.ReplyDelay = delay);

    /// <summary>Moves the emulator's clock (note ids, <c>mod</c> times, <c>added:</c>) forward.</summary>
    public void AdvanceClock(TimeSpan by) => Locked(() => _state.ClockOffset += by);

    /// <summary>The profile's collection, for profiles other than the active one.</summary>
    public EmulatorCollection CollectionOf(string profile) => Locked(() => _state.CollectionOf(profile));

    /// <summary>Runs <paramref name="read"/> against the collection while no request is being served.</summary>
    public T Inspect<T>(Func<EmulatorCollection, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Locked(() => read(_state.Collection));
    }

    /// <summary>
    /// The user adds a note in Anki (no duplicate checks, deck created if needed); returns its id, which is
    /// <paramref name="noteId"/> when given and free (to replay recorded ids).
    /// </summary>
    public long AddNote(string deck, string model, IReadOnlyDictionary<string, string> fields, IEnumerable<string>? tags = null, long? noteId = null) => Locked(() =>
    {
        ArgumentNullException.ThrowIfNull(fields);
        EmulatorCollection collection = _state.Collection;
        EmulatorModel noteType = collection.FindModel(model) ?? throw new ArgumentException($"No note type '{model}'.", nameof(model));
        var values = noteType.Fields.Select(f => fields.GetValueOrDefault(f, "")).ToList();
        string? unknown = fields.Keys.FirstOrDefault(k => noteType.FieldIndex(k) < 0);
        if (unknown is not null)
            throw new ArgumentException($"{model} has no field '{unknown}'.", nameof(fields));
        return collection.AddNote(noteType, collection.CreateDeck(deck), values, tags ?? [], noteId).Id;
    });

    /// <summary>The user creates a note type in Anki.</summary>
    public void CreateNoteType(
        string name, IReadOnlyList<string> fields, IReadOnlyList<(string Name, string Front, string Back)> templates, bool isCloze = false, string? css = null) =>
        Locked(() =>
        {
            ArgumentNullException.ThrowIfNull(templates);
            _state.Collection.CreateModel(
                name, isCloze, fields, templates.Select(t => new EmulatorTemplate(t.Name, t.Front, t.Back)),
                css ?? (isCloze ? StockModels.ClozeCss : StockModels.DefaultCss));
        });

    /// <summary>The user edits one field of a note in Anki's editor.</summary>
    public void EditNote(long noteId, string field, string value) => Locked(() =>
    {
        EmulatorNote note = NoteOrThrow(noteId);
        int index = note.Model.FieldIndex(field);
        if (index < 0)
            throw new ArgumentException($"{note.Model.Name} has no field '{field}'.", nameof(field));
        _state.Collection.SetValues(note, new Dictionary<int, string> { [index] = value });
    });

    /// <summary>The user replaces a note's tags in Anki.</summary>
    public void SetNoteTags(long noteId, IEnumerable<string> tags) => Locked(() => _state.Collection.SetTags(NoteOrThrow(noteId), tags));

    /// <summary>The user deletes a note in Anki.</summary>
    public void DeleteNote(long noteId) => Locked(() => _state.Collection.DeleteNote(NoteOrThrow(noteId)));

    /// <summary>The user moves cards to another deck (created if needed) in Anki's browser.</summary>
    public void MoveCards(IEnumerable<long> cardIds, string deck) => Locked(() =>
    {
        ArgumentNullException.ThrowIfNull(cardIds);
        EmulatorCollection collection = _state.Collection;
        EmulatorDeck target = collection.CreateDeck(deck);
        foreach (long id in cardIds)
            collection.MoveCard(collection.FindCard(id) ?? throw new ArgumentException($"No card {id}.", nameof(cardIds)), target);
    });

    /// <summary>The user renames a deck (its children follow) in Anki.</summary>
    public void RenameDeck(string oldName, string newName) => Locked(() =>
    {
        EmulatorCollection collection = _state.Collection;
        EmulatorDeck deck = collection.FindDeck(oldName) ?? throw new ArgumentException($"No deck '{oldName}'.", nameof(oldName));
        collection.RenameDeck(deck, newName);
    });

    /// <summary>The user creates a deck in Anki; returns its id.</summary>
    public long CreateDeck(string name) => Locked(() => _state.Collection.CreateDeck(name).Id);

    /// <summary>The user closes Anki's Browser; its editor first saves the copy of the note it shows.</summary>
    public void CloseBrowser() => Locked(() => _state.Browser.Close(_state.Collection));

    /// <summary>The user opens the Browser on a note right before the next call of <paramref name="action"/> reaches Anki.</summary>
    public void BrowseNoteBefore(string action, long noteId) => Locked(() => _state.BrowseBeforeAction = (action, noteId));

    /// <summary>The note shown in the Browser's editor, if the Browser is open on one.</summary>
    public long? NoteInBrowserEditor => Locked(() => _state.Browser.EditorNoteId);

    /// <summary>A file lands in Anki's media folder; returns the name Anki keeps it under.</summary>
    public string AddMedia(string fileName, byte[] content) => Locked(() => _state.Collection.StoreMedia(fileName, content, deleteExisting: true));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        RefuseConnections();
        Task[] pending;
        lock (_connections)
            pending = [.. _connections];
        try
        {
            await Task.WhenAll(pending.Append(_acceptLoop));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Connections cut short by shutdown.
        }
        _stopping.Dispose();
        _gate.Dispose();
    }

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start(backlog: 5);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Url = new Uri($"http://127.0.0.1:{Port}/");
        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener);
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Task connection = ServeAsync(client);
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(connection);
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        await Task.Yield();
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                RawHttpRequest? request = await RawHttpRequest.ReadAsync(stream, _stopping.Token);
                if (request is null)
                    return;
                HttpReply? reply = await HandleAsync(request);
                if (reply is null)
                    return;
                long writing = Stopwatch.GetTimestamp();
                await stream.WriteAsync(reply.ToBytes(), _stopping.Token);
                await stream.FlushAsync(_stopping.Token);
                Interlocked.Add(ref _state.BusyTicks, Stopwatch.GetTimestamp() - writing);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or the emulator is stopping.
            }
        }
    }

    /// <summary>Serves one request on the "GUI thread"; null means: drop the connection.</summary>
    private async Task<HttpReply?> HandleAsync(RawHttpRequest request)
    {
        await _gate.WaitAsync(_stopping.Token);
        long handling = Stopwatch.GetTimestamp();
        try
        {
            int number = Interlocked.Increment(ref _state.HttpRequestCount);
            if (_state.DropOnRequest == number)
            {
                _state.DropOnRequest = null;
                return null;
            }
            if (_state.ReplyDelay > TimeSpan.Zero)
                await Task.Delay(_state.ReplyDelay, _stopping.Token);
            return _handler.Handle(request);
        }
        catch (ConnectionDropException)
        {
            return null;
        }
        finally
        {
            Interlocked.Add(ref _state.BusyTicks, Stopwatch.GetTimestamp() - handling);
            _gate.Release();
        }
    }

    private EmulatorNote NoteOrThrow(long noteId) =>
        _state.Collection.FindNote(noteId) ?? throw new ArgumentException($"No note {noteId}.", nameof(noteId));

    private void Locked(Action action) => Locked(() =>
    {
        action();
        return 0;
    });

    private T Locked<T>(Func<T> action)
    {
        _gate.Wait();
        try
        {
            return action();
        }
        finally
        {
            _gate.Release();
        }
    }
}
