using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AnkiMcp.Tests.Anki;

/// <summary>
/// A loopback server that answers one connection with fixed bytes, for replies the emulator never gives (a 403 without an
/// Origin header, bare <c>multi</c> results) and to see the exact request bytes a client sends.
/// </summary>
internal sealed class OneShotHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task<string> _request;

    /// <param name="reply">The bytes sent back, head and body.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <param name="holdOpen">How long the connection stays open after the reply (the add-on closes it at once).</param>
    public OneShotHttpServer(string reply, CancellationToken cancellationToken, TimeSpan holdOpen = default)
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _request = ServeAsync(Encoding.UTF8.GetBytes(reply), holdOpen, cancellationToken);
    }

    public Uri Url { get; }

    /// <summary>The request as received: head and body.</summary>
    public Task<string> Request => _request;

    /// <summary>A 200 reply framed like the add-on's, carrying <paramref name="json"/>.</summary>
    public static string Ok(string json) =>
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: http://localhost\r\n"
        + $"Access-Control-Allow-Headers: *\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    public void Dispose() => _listener.Dispose();

    private async Task<string> ServeAsync(byte[] reply, TimeSpan holdOpen, CancellationToken cancellationToken)
    {
        using TcpClient connection = await _listener.AcceptTcpClientAsync(cancellationToken);
        NetworkStream stream = connection.GetStream();
        var received = new List<byte>();
        var buffer = new byte[8192];
        while (!Complete(received))
        {
            int read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
                break;
            received.AddRange(buffer.AsSpan(0, read));
        }
        await stream.WriteAsync(reply, cancellationToken);
        await Task.Delay(holdOpen, cancellationToken);
        return Encoding.UTF8.GetString([.. received]);
    }

    private static bool Complete(List<byte> received)
    {
        string text = Encoding.UTF8.GetString([.. received]);
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
            return false;
        string? length = text[..end].Split("\r\n")
            .FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))?["Content-Length:".Length..].Trim();
        return length is not null && Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
    }
}
