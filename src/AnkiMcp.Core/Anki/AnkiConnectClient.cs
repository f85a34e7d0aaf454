using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace AnkiMcp.Core.Anki;

/// <summary>
/// A typed client for AnkiConnect (API version 6). Every call is one HTTP POST on its own connection, as the add-on
/// closes each connection after replying; requests carry a Content-Length because the add-on cannot read chunked bodies.
/// An http:// address (the add-on's own) is posted over a plain socket (<see cref="PlainHttpPost"/>), which starts far
/// quicker than HttpClient; https:// goes through HttpClient.
/// </summary>
public sealed partial class AnkiConnectClient : IDisposable
{
    private const int ApiVersion = 6;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    // Null for an http:// address: those are posted by PlainHttpPost.
    private readonly HttpClient? _http;

    public AnkiConnectClient(AnkiConnectOptions options)
        : this(options, options?.Url.Scheme == Uri.UriSchemeHttp ? null : HttpsHandler())
    {
    }

    /// <summary>A client over another transport; the benchmarks use it to time the client alone, without a server.</summary>
    internal AnkiConnectClient(AnkiConnectOptions options, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _http = handler is null ? null : ClientOver(handler);
    }

    /// <summary>The address and key this client uses.</summary>
    public AnkiConnectOptions Options { get; }

    /// <summary>Calls <paramref name="action"/> with <paramref name="parameters"/> (serialised with System.Text.Json) and returns its result.</summary>
    /// <exception cref="AnkiConnectException">Anki answered with an error.</exception>
    /// <exception cref="AnkiUnavailableException">Anki is not reachable or the connection broke.</exception>
    public async Task<JsonElement> InvokeAsync(string action, object? parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        using JsonDocument reply = await SendAsync(action, writer => WriteEnvelope(writer, action, parameters, null), cancellationToken);
        return ResultOf(action, reply.RootElement).Clone();
    }

    /// <summary>
    /// Runs <paramref name="actions"/> in one round trip. Anki runs them in order and not atomically: each one
    /// succeeds or fails on its own, and its error is reported in its <see cref="AnkiActionResult"/> rather than thrown.
    /// </summary>
    public async Task<IReadOnlyList<AnkiActionResult>> MultiAsync(IReadOnlyList<AnkiAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return ResultsOf(actions, await SendMultiAsync(actions, cancellationToken));
    }

    /// <summary>
    /// Runs <paramref name="actions"/> in one round trip and, when every one succeeded, hands each result to
    /// <paramref name="readResult"/> straight from the reply's bytes, without building a document of it (several MB at
    /// 100,000 notes); then returns null. Any other reply (an error, a shape <paramref name="readResult"/> declines) is
    /// returned as <see cref="MultiAsync"/> returns it, for the caller's usual reading.
    /// </summary>
    internal async Task<IReadOnlyList<AnkiActionResult>?> MultiReadingAsync(
        IReadOnlyList<AnkiAction> actions, AnkiResultReader readResult, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> reply = await SendMultiAsync(actions, cancellationToken);
        return AnkiMultiReply.TryRead(reply.Span, actions.Count, readResult) ? null : ResultsOf(actions, reply);
    }

    private async Task<ReadOnlyMemory<byte>> SendMultiAsync(IReadOnlyList<AnkiAction> actions, CancellationToken cancellationToken) =>
        await SendBytesAsync("multi", writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("action"u8, "multi");
            writer.WriteNumber("version"u8, ApiVersion);
            writer.WriteStartObject("params"u8);
            writer.WriteStartArray("actions"u8);
            foreach (AnkiAction action in actions)
                WriteEnvelope(writer, action.Action, action.Parameters, action.WriteParameters);
            writer.WriteEndArray();
            writer.WriteEndObject();
            WriteKey(writer);
            writer.WriteEndObject();
        }, cancellationToken);

    private List<AnkiActionResult> ResultsOf(IReadOnlyList<AnkiAction> actions, ReadOnlyMemory<byte> bytes)
    {
        using JsonDocument reply = Parse("multi", bytes);
        JsonElement results = ResultOf("multi", reply.RootElement);
        if (results.ValueKind != JsonValueKind.Array || results.GetArrayLength() != actions.Count)
            throw Unexpected("multi", results);
        var list = new List<AnkiActionResult>(actions.Count);
        int index = 0;
        foreach (JsonElement element in results.EnumerateArray())
        {
            string name = actions[index++].Action;
            list.Add(IsEnvelope(element, out JsonElement result, out string? error)
                ? new AnkiActionResult(name, result.Clone(), error) { ApiKeyConfigured = Options.ApiKey is not null }
                : new AnkiActionResult(name, element.Clone(), null) { ApiKeyConfigured = Options.ApiKey is not null });
        }
        return list;
    }

    public void Dispose() => _http?.Dispose();

    /// <summary>Calls an action whose params are written by <paramref name="writeParameters"/> and reads the result while the reply is alive.</summary>
    private async Task<T> CallAsync<T>(
        string action, Action<Utf8JsonWriter>? writeParameters, Func<JsonElement, T> read, CancellationToken cancellationToken) =>
        ReadResult(action, await SendActionAsync(action, writeParameters, cancellationToken), read);

    /// <summary>
    /// Calls an action and hands a successful result to <paramref name="readStreamed"/> straight from the reply's bytes,
    /// then returns <paramref name="streamedResult"/>; any other reply (an error, a shape it declines) is read as a
    /// document by <paramref name="read"/>, as <see cref="CallAsync{T}"/> reads it.
    /// </summary>
    private async Task<T> CallReadingAsync<T>(string action, Action<Utf8JsonWriter>? writeParameters, AnkiResultReader readStreamed, Func<T> streamedResult,
        Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> reply = await SendActionAsync(action, writeParameters, cancellationToken);
        return AnkiMultiReply.TryReadSingle(reply.Span, readStreamed) ? streamedResult() : ReadResult(action, reply, read);
    }

    private async Task<ReadOnlyMemory<byte>> SendActionAsync(string action, Action<Utf8JsonWriter>? writeParameters, CancellationToken cancellationToken) =>
        await SendBytesAsync(action, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("action"u8, action);
            writer.WriteNumber("version"u8, ApiVersion);
            if (writeParameters is not null)
            {
                writer.WriteStartObject("params"u8);
                writeParameters(writer);
                writer.WriteEndObject();
            }
            WriteKey(writer);
            writer.WriteEndObject();
        }, cancellationToken);

    private T ReadResult<T>(string action, ReadOnlyMemory<byte> bytes, Func<JsonElement, T> read)
    {
        using JsonDocument reply = Parse(action, bytes);
        JsonElement result = ResultOf(action, reply.RootElement);
        try
        {
            return read(result);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw Unexpected(action, result);
        }
    }

    private async Task CallAsync(string action, Action<Utf8JsonWriter>? writeParameters, CancellationToken cancellationToken) =>
        await CallAsync(action, writeParameters, static _ => true, cancellationToken);

    private void WriteEnvelope(Utf8JsonWriter writer, string action, object? parameters, Action<Utf8JsonWriter>? writeParameters)
    {
        writer.WriteStartObject();
        writer.WriteString("action"u8, action);
        writer.WriteNumber("version"u8, ApiVersion);
        if (writeParameters is not null)
        {
            writer.WriteStartObject("params"u8);
            writeParameters(writer);
            writer.WriteEndObject();
        }
        else if (parameters is not null)
        {
            writer.WritePropertyName("params"u8);
            JsonSerializer.Serialize(writer, parameters, parameters.GetType());
        }
        WriteKey(writer);
        writer.WriteEndObject();
    }

    private void WriteKey(Utf8JsonWriter writer)
    {
        if (Options.ApiKey is not null)
            writer.WriteString("key"u8, Options.ApiKey);
    }

    private async Task<JsonDocument> SendAsync(string action, Action<Utf8JsonWriter> writeBody, CancellationToken cancellationToken) =>
        Parse(action, await SendBytesAsync(action, writeBody, cancellationToken));

    private async Task<ReadOnlyMemory<byte>> SendBytesAsync(string action, Action<Utf8JsonWriter> writeBody, CancellationToken cancellationToken)
    {
        using PooledBufferWriter body = new(4096);
        using (var writer = new Utf8JsonWriter(body))
            writeBody(writer);

        (int status, ReadOnlyMemory<byte> bytes) = _http is null ? Post(action, body.WrittenSpan, cancellationToken) : await PostAsync(_http, action, body.WrittenMemory, cancellationToken);
        if (status == (int)HttpStatusCode.Forbidden)
        {
            throw new AnkiConnectException(action, "HTTP 403 Forbidden",
                $"AnkiConnect at {Options.Url} refused {action} because the request's origin is not trusted (HTTP 403): "
                + "add the origin to webCorsOriginList in AnkiConnect's config (Anki → Tools → Add-ons → AnkiConnect → Config).");
        }
        if (status != (int)HttpStatusCode.OK)
        {
            throw new AnkiUnavailableException(
                $"The server at {Options.Url} answered HTTP {status}, which AnkiConnect never does: "
                + "check that --anki-url / ANKI_CONNECT_URL points at AnkiConnect (default http://127.0.0.1:8765).");
        }
        return bytes;
    }

    private JsonDocument Parse(string action, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new AnkiUnavailableException(
                $"The server at {Options.Url} did not answer {action} with JSON, so it is not AnkiConnect: "
                + "check --anki-url / ANKI_CONNECT_URL (default http://127.0.0.1:8765).", e);
        }
    }

    // http://: one socket, blocking, bounded by the timeout; cancelling closes it.
    private (int Status, ReadOnlyMemory<byte> Body) Post(string action, ReadOnlySpan<byte> json, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        DateTime deadline = DateTime.UtcNow + Options.Timeout;
        Socket socket;
        try
        {
            socket = PlainHttpPost.Connect(Options.Url, ConnectTimeout);
        }
        catch (SocketException e)
        {
            throw new AnkiUnavailableException(AnkiUnavailableException.Advice(Options.Url), e);
        }
        using (socket)
        using (cancellationToken.Register(static open => ((Socket)open!).Dispose(), socket))
        {
            try
            {
                return PlainHttpPost.Exchange(socket, Options.Url, json, deadline);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                throw TimedOut(action, e);
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                throw Broke(action, e);
            }
        }
    }

    // These two are methods of their own, so that a command talking plain http never loads System.Net.Http.
    private static HttpClient ClientOver(HttpMessageHandler handler) => new(handler) { Timeout = Timeout.InfiniteTimeSpan };

    private static SocketsHttpHandler HttpsHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.Zero,
        ConnectTimeout = ConnectTimeout,
    };

    // https://, or a handler given by a benchmark.
    private async Task<(int Status, ReadOnlyMemory<byte> Body)> PostAsync(HttpClient http, string action, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Options.Url) { Content = content };
        request.Headers.ConnectionClose = true;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(timeout.Token));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(action, e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new AnkiUnavailableException(AnkiUnavailableException.Advice(Options.Url), e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw Broke(action, e);
        }
    }

    private AnkiUnavailableException TimedOut(string action, Exception e) => new(
        $"Anki did not answer {action} within {Options.Timeout.TotalSeconds:0} s. Anki runs requests on its main window: "
        + "close any open dialog in Anki and try again.", e);

    private AnkiUnavailableException Broke(string action, Exception e) => new(
        $"The connection to Anki broke during {action} before Anki answered ({e.Message}). "
        + "Check that Anki is still running, then try again. " + AnkiUnavailableException.Advice(Options.Url), e);

    /// <summary>The result of a v6 reply; throws when the reply carries an error.</summary>
    private JsonElement ResultOf(string action, JsonElement reply)
    {
        if (!IsEnvelope(reply, out JsonElement result, out string? error))
            return reply;
        if (error is not null)
            throw AnkiConnectException.FromReply(action, error, Options.ApiKey is not null);
        return result;
    }

    /// <summary>Whether <paramref name="reply"/> is a <c>{"result", "error"}</c> envelope rather than a bare (version ≤ 4) value.</summary>
    private static bool IsEnvelope(JsonElement reply, out JsonElement result, out string? error)
    {
        result = default;
        error = null;
        if (reply.ValueKind != JsonValueKind.Object
            || !reply.TryGetProperty("result"u8, out result)
            || !reply.TryGetProperty("error"u8, out JsonElement errorElement))
        {
            return false;
        }
        error = errorElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => errorElement.GetString(),
            _ => errorElement.GetRawText(),
        };
        return true;
    }

    private static AnkiConnectException Unexpected(string action, JsonElement result)
    {
        string shown = result.ValueKind == JsonValueKind.Undefined ? "nothing" : Truncate(result.GetRawText());
        return new AnkiConnectException(action, shown,
            $"AnkiConnect answered {action} with {shown}, which this version of AnkiMcp does not understand: update the AnkiConnect add-on.");
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
