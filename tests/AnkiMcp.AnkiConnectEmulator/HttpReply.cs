using System.Globalization;
using System.Text;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>A reply exactly as the add-on writes it: status line, its fixed header order, no <c>Connection</c> header.</summary>
internal sealed record HttpReply(string StatusLine, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool SendContentLength)
{
    public static HttpReply Ok(string allowOrigin, byte[] body, bool allowPrivateNetwork = false)
    {
        List<KeyValuePair<string, string>> headers =
        [
            new("Content-Type", "application/json"),
            new("Access-Control-Allow-Origin", allowOrigin),
            new("Access-Control-Allow-Headers", "*"),
        ];
        if (allowPrivateNetwork)
            headers.Add(new("Access-Control-Allow-Private-Network", "true"));
        return new HttpReply("HTTP/1.1 200 OK", headers, body, SendContentLength: true);
    }

    public static HttpReply Forbidden(string allowOrigin) => new(
        "HTTP/1.1 403 Forbidden",
        [new("Access-Control-Allow-Origin", allowOrigin), new("Access-Control-Allow-Headers", "*")],
        [],
        SendContentLength: false);

    public byte[] ToBytes()
    {
        var head = new StringBuilder(StatusLine).Append("\r\n");
        foreach (var (name, value) in Headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (SendContentLength)
            head.Append("Content-Length: ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("\r\n");
        byte[] headBytes = Encoding.Latin1.GetBytes(head.ToString());
        var bytes = new byte[headBytes.Length + Body.Length];
        headBytes.CopyTo(bytes, 0);
        Body.CopyTo(bytes, headBytes.Length);
        return bytes;
    }
}
