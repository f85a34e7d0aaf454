using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AnkiMcp.Core.Anki;

/// <summary>
/// One HTTP/1.1 POST over a TCP connection of its own, read until the server closes it: all AnkiConnect's own server
/// speaks (it closes every connection after replying). A command is a short process, and HttpClient's connection pool,
/// telemetry and asynchronous socket engine cost more to start than the request takes; this costs a socket.
/// </summary>
internal static class PlainHttpPost
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    // A declared length up to this is trusted with a buffer of its size at once; a larger one is read into a growing buffer.
    private const int MaxPresizedBody = 64 * 1024 * 1024;

    /// <summary>Connects to <paramref name="url"/>'s host, trying each of its addresses.</summary>
    /// <exception cref="SocketException">Nothing accepted the connection in time.</exception>
    public static Socket Connect(Uri url, TimeSpan timeout)
    {
        IPAddress[] addresses = IPAddress.TryParse(url.DnsSafeHost, out IPAddress? literal) ? [literal] : Dns.GetHostAddresses(url.DnsSafeHost);
        SocketException failed = new((int)SocketError.HostNotFound);
        foreach (IPAddress address in addresses)
        {
            // Blocking throughout: a socket once switched to non-blocking is served by the runtime's event loop thread.
            // The send timeout also bounds the connect (on Linux; elsewhere the system's own connect timeout applies).
            Socket socket = new(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendTimeout = (int)timeout.TotalMilliseconds };
            try
            {
                socket.Connect(new IPEndPoint(address, url.Port));
                return socket;
            }
            catch (SocketException refused)
            {
                socket.Dispose();
                failed = refused;
            }
        }
        throw failed;
    }

    /// <summary>Sends <paramref name="json"/> to <paramref name="url"/> over <paramref name="socket"/> and reads the reply by <paramref name="deadline"/>.</summary>
    /// <returns>The reply's status code and body (a slice of the buffer it was read into: no copy).</returns>
    /// <exception cref="SocketException">The connection broke, or the deadline passed (<see cref="SocketError.TimedOut"/>).</exception>
    /// <exception cref="IOException">The reply is not HTTP or ended early.</exception>
    public static (int Status, ReadOnlyMemory<byte> Body) Exchange(Socket socket, Uri url, ReadOnlySpan<byte> json, DateTime deadline)
    {
        string requestHead = $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nContent-Length: {json.Length}\r\nConnection: close\r\n\r\n";
        socket.SendTimeout = RemainingMilliseconds(deadline);
        // Head and body are sent as they are, not copied into one request of a MB (a first import's addNotes).
        socket.Send(Encoding.ASCII.GetBytes(requestHead));
        socket.SendTimeout = RemainingMilliseconds(deadline);
        socket.Send(json);

        byte[] reply = new byte[64 * 1024];
        int length = 0;
        ReplyHead? head = null;
        // Read to the close, or (a server that keeps the connection open despite "Connection: close") to the declared length.
        while (head is not { ContentLength: { } declared } || length < head.Value.BodyStart + declared)
        {
            if (length == reply.Length)
                Array.Resize(ref reply, reply.Length * 2);
            socket.ReceiveTimeout = RemainingMilliseconds(deadline);
            int read = socket.Receive(reply, length, reply.Length - length, SocketFlags.None);
            if (read == 0)
                break;
            length += read;
            if (head is null && ReadHead(reply.AsSpan(0, length)) is { } readHead)
            {
                head = readHead;
                // A reply of several MB (notesInfo of a first import) is read into one buffer of its size, not through copies that double.
                if (readHead.ContentLength is { } size && size <= MaxPresizedBody && readHead.BodyStart + size > reply.Length)
                    Array.Resize(ref reply, readHead.BodyStart + (int)size);
            }
        }
        return Parse(reply.AsMemory(0, length), head);
    }

    private static int RemainingMilliseconds(DateTime deadline)
    {
        double remaining = (deadline - DateTime.UtcNow).TotalMilliseconds;
        return remaining >= 1 ? (int)Math.Min(remaining, int.MaxValue) : throw new SocketException((int)SocketError.TimedOut);
    }

    private static (int Status, ReadOnlyMemory<byte> Body) Parse(ReadOnlyMemory<byte> reply, ReplyHead? read)
    {
        ReplyHead head = read ?? throw new IOException(reply.IsEmpty ? "the server closed the connection without replying" : "the reply ended within its headers");
        ReadOnlyMemory<byte> content = reply[head.BodyStart..];
        if (head.Chunked)
            return (head.Status, Unchunk(content.Span));
        if (head.ContentLength is { } expected)
        {
            return content.Length >= expected
                ? (head.Status, content[..(int)expected])
                : throw new IOException($"the reply ended after {content.Length} of its {expected} bytes");
        }
        return (head.Status, content);
    }

    /// <summary>The status line and framing headers, once the reply holds all its headers; null before.</summary>
    private static ReplyHead? ReadHead(ReadOnlySpan<byte> reply)
    {
        int headEnd = reply.IndexOf(HeaderEnd);
        if (headEnd < 0)
            return null;
        string[] lines = Encoding.ASCII.GetString(reply[..headEnd]).Split("\r\n");
        string[] status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(status[1], out int code))
            throw new IOException($"the reply is not HTTP/1.1 ('{lines[0]}')");
        long? contentLength = null;
        bool chunked = false;
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                continue;
            ReadOnlySpan<char> name = line.AsSpan(0, colon).Trim();
            ReadOnlySpan<char> value = line.AsSpan(colon + 1).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && long.TryParse(value, out long declared) && declared >= 0)
                contentLength = declared;
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                chunked = true;
        }
        return new ReplyHead(code, headEnd + HeaderEnd.Length, chunked ? null : contentLength, chunked);
    }

    private static byte[] Unchunk(ReadOnlySpan<byte> content)
    {
        using MemoryStream body = new(content.Length);
        while (true)
        {
            int lineEnd = content.IndexOf("\r\n"u8);
            if (lineEnd < 0)
                throw new IOException("the chunked reply ended early");
            ReadOnlySpan<byte> sizeText = content[..lineEnd];
            int extension = sizeText.IndexOf((byte)';');
            if (extension >= 0)
                sizeText = sizeText[..extension];
            if (!int.TryParse(Encoding.ASCII.GetString(sizeText).Trim(), System.Globalization.NumberStyles.HexNumber, null, out int size) || size < 0)
                throw new IOException("the chunked reply is malformed");
            content = content[(lineEnd + 2)..];
            if (size == 0)
                return body.ToArray();
            if (content.Length < size + 2)
                throw new IOException("the chunked reply ended early");
            body.Write(content[..size]);
            content = content[(size + 2)..];
        }
    }

    private readonly record struct ReplyHead(int Status, int BodyStart, long? ContentLength, bool Chunked);
}
