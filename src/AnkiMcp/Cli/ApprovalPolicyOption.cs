using System.CommandLine;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Cli;

/// <summary>The <c>--approval</c> option and its <c>ANKIMCP_APPROVAL</c> fallback.</summary>
internal static class ApprovalPolicyOption
{
    public const string EnvironmentVariable = "ANKIMCP_APPROVAL";

    public static Option<string?> Create()
    {
        Option<string?> option = new("--approval")
        {
            Description = $"Who may approve proposed cards: conversation (the assistant's approve call), elicit (only the person's answer to the server's form) " +
                $"or reviewer (only `ankimcp review`). Default: ${EnvironmentVariable}, else conversation.",
        };
        option.AcceptOnlyFromAmong("conversation", "elicit", "reviewer");
        return option;
    }

    /// <summary>The policy from the option, else the environment, else conversation; null (with the problem) when the environment holds nonsense.</summary>
    public static ApprovalPolicy? Resolve(string? given, out string? problem)
    {
        problem = null;
        string? value = string.IsNullOrWhiteSpace(given) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : given;
        if (string.IsNullOrWhiteSpace(value))
            return ApprovalPolicy.Conversation;
        if (Enum.TryParse(value.Trim(), ignoreCase: true, out ApprovalPolicy policy) && Enum.IsDefined(policy))
            return policy;
        problem = $"{EnvironmentVariable}='{value}' is not an approval policy; use conversation, elicit or reviewer.";
        return null;
    }
}
