using System.Net;

namespace AnkiMcp.Bench;

/// <summary>Answers every request with the same recorded AnkiConnect reply, so only the client's own work is timed.</summary>
internal sealed class CannedReplyHandler(byte[] reply) : HttpMessageHandler
{
    /// <summary>The size of the last request body, read as the network stack would.</summary>
    public long LastRequestBytes { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        LastRequestBytes = body.Length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(reply) };
    }
}
