using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>
/// Asks the person to approve cards through MCP elicitation, as a multi-round-trip request: the first call returns the
/// form, the client shows it to the person and retries with their answer. This works over stdio and over stateless and
/// stateful HTTP. The request state names the exact cards and revisions shown and is signed, so an answer only ever
/// approves what the person saw.
/// </summary>
internal sealed class ElicitedApproval
{
    private const string InputKey = "approval";
    private const string ApproveProperty = "approve";
    private const int PreviewLength = 300;

    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The person's answer when this call is the retry carrying it; null on the first call.</summary>
    public ApprovalAnswer? ReadAnswer(RequestContext<CallToolRequestParams> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CallToolRequestParams? request = context.Params;
        if (request?.InputResponses is null || !request.InputResponses.TryGetValue(InputKey, out InputResponse? response))
            return null;
        (long batch, Dictionary<int, int> revisions) = ReadState(request.RequestState);
        ElicitResult? result = response.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
        bool approved = result is { IsAccepted: true, Content: { } content }
            && content.TryGetValue(ApproveProperty, out JsonElement value)
            && value.ValueKind == JsonValueKind.True;
        return new ApprovalAnswer(batch, revisions, approved, result?.Action ?? "none");
    }

    /// <summary>The exception that makes the SDK send the approval form for these cards.</summary>
    public InputRequiredException Ask(McpServer server, ProposalBatch batch, IReadOnlyList<Proposal> cards)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(cards);
        if (!server.IsMrtrSupported || server.ClientCapabilities?.Elicitation is null)
        {
            throw new McpException("The approval policy is 'elicit', but this MCP client cannot show the server's approval form (no elicitation support). " +
                "Nothing was approved. Ask the person to approve in a terminal with `ankimcp review`, or to use a client that supports elicitation.");
        }

        ElicitRequestParams form = new()
        {
            Message = Describe(batch, cards),
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    [ApproveProperty] = new ElicitRequestParams.BooleanSchema
                    {
                        Title = "Approve",
                        Description = $"Create {(cards.Count == 1 ? "this card" : $"these {cards.Count} cards")} in Anki",
                        Default = false,
                    },
                },
                Required = [ApproveProperty],
            },
        };
        return new InputRequiredException(
            new Dictionary<string, InputRequest> { [InputKey] = InputRequest.ForElicitation(form) },
            WriteState(batch.Id, cards));
    }

    private static string Describe(ProposalBatch batch, IReadOnlyList<Proposal> cards)
    {
        StringBuilder message = new();
        message.Append(CultureInfo.InvariantCulture, $"Approve {(cards.Count == 1 ? "this card" : $"these {cards.Count} cards")} from \"{batch.Label}\"?");
        foreach (Proposal card in cards)
        {
            message.Append(CultureInfo.InvariantCulture, $"\n\n{card.Number}. [{CardDraftValidator.Describe(card.Draft.Kind)}] {card.Draft.Deck}");
            foreach ((string field, string text) in card.Draft.Fields)
                message.Append(CultureInfo.InvariantCulture, $"\n   {field}: {(text.Length > PreviewLength ? string.Concat(text.AsSpan(0, PreviewLength), "…") : text)}");
        }

        return message.ToString();
    }

    private string WriteState(long batch, IReadOnlyList<Proposal> cards)
    {
        string payload = string.Create(CultureInfo.InvariantCulture,
            $"{batch}|{string.Join(',', cards.Select(card => $"{card.Number}:{card.Revision}"))}");
        return $"{payload}|{Sign(payload)}";
    }

    private (long Batch, Dictionary<int, int> Revisions) ReadState(string? state)
    {
        string[] parts = state?.Split('|') ?? [];
        if (parts.Length != 3 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign($"{parts[0]}|{parts[1]}")), Encoding.ASCII.GetBytes(parts[2])))
            throw new McpException("The approval answer does not belong to a form this server sent (or the server restarted since). Nothing was approved; call approve_proposals again.");
        Dictionary<int, int> revisions = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(':'))
            .ToDictionary(pair => int.Parse(pair[0], CultureInfo.InvariantCulture), pair => int.Parse(pair[1], CultureInfo.InvariantCulture));
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), revisions);
    }

    private string Sign(string payload) => Convert.ToHexString(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(payload)));
}
