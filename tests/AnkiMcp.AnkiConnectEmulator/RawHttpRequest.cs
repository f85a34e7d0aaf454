using System.Globalization;
using System.Text;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>
/// One HTTP request as the add-on's socket server reads it: headers split on <c>\r\n</c> and <c>": "</c>, names
/// lower-cased, the body length taken only from <c>Content-Length</c> (no chunked transfer).
/// </summary>
internal sealed record RawHttpRequest(string Method, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Reads one request, or returns null when the client closed the connection before sending one.</summary>
    public static async Task<RawHttpRequest?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        int filled = 0;
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxHeaderBytes)
                    return null;
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            int read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
                return null;
            filled += read;
        }
        string head = Encoding.Latin1.GetString(buffer, 0, headerEnd);
        string[] lines = head.Split("\r\n");
        string method = lines[0].Split(' ')[0];
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in lines.Skip(1))
        {
            int separator = line.IndexOf(": ", StringComparison.Ordinal);
            if (separator > 0)
                headers[line[..separator].ToLowerInvariant()] = line[(separator + 2)..];
        }
        int length = headers.TryGetValue("content-length", out string? text)
            && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : 0;
        var body = new byte[length];
        int bodyStart = headerEnd + 4;
        int already = Math.Min(filled - bodyStart, length);
        buffer.AsSpan(bodyStart, already).CopyTo(body);
        if (already < length)
            await stream.ReadExactlyAsync(body.AsMemory(already), cancellationToken);
        return new RawHttpRequest(method, headers, body);
    }
}
