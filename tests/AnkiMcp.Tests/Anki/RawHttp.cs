using System.Net.Sockets;
using System.Text;

namespace AnkiMcp.Tests.Anki;

/// <summary>Talks HTTP over a bare socket, so tests see exactly the bytes the emulator sends and when it closes.</summary>
internal static class RawHttp
{
    public static Task<RawHttpResponse> PostAsync(Uri url, string body, CancellationToken cancellationToken, params (string Name, string Value)[] headers) =>
        SendAsync(url, "POST", Encoding.UTF8.GetBytes(body), cancellationToken, headers);

    /// <summary>Sends one request with a Content-Length and reads until the server closes the connection.</summary>
    public static async Task<RawHttpResponse> SendAsync(Uri url, string method, byte[] body, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"{method} / HTTP/1.1\r\nHost: {url.Host}:{url.Port}\r\nContent-Type: application/json\r\n");
        foreach (var (name, value) in headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        byte[] request = [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
        byte[] reply = await ExchangeAsync(url, request, cancellationToken);
        return Parse(reply);
    }

    /// <summary>Writes <paramref name="request"/> as given and returns every byte received until the server closed the connection.</summary>
    public static async Task<byte[]> ExchangeAsync(Uri url, byte[] request, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(url.Host, url.Port, cancellationToken);
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(request, cancellationToken);
        using var received = new MemoryStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await stream.CopyToAsync(received, timeout.Token);
        return received.ToArray();
    }

    public static RawHttpResponse Parse(byte[] bytes)
    {
        int end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end >= 0, "The reply has no end of headers.");
        string[] lines = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
        var headers = lines.Skip(1).Select(line =>
        {
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            return new KeyValuePair<string, string>(line[..colon], line[(colon + 2)..]);
        }).ToList();
        return new RawHttpResponse(lines[0], headers, bytes[(end + 4)..], Encoding.Latin1.GetString(bytes));
    }
}
