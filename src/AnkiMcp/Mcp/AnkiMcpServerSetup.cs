using System.Reflection;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AnkiMcp.Mcp;

/// <summary>The MCP server's registration, shared by the stdio and HTTP transports.</summary>
internal static class AnkiMcpServerSetup
{
    private const string Instructions = """
        AnkiMcp turns what the person learned into Anki cards, and the person decides which cards exist.
        The loop: propose_cards (one numbered batch per lesson) → show the person every card with its number, kind, deck and fields →
        wait for their decision → approve_proposals / revise_proposal / reject_proposals exactly as they said → create_approved_cards.
        Never approve on your own initiative; silence or interest is not approval. A revised card needs approval again.
        Cards do not exist until create_approved_cards reports them: never say a card was created or added before that, and report
        exactly what it says (including when Anki was not running and the cards wait in the Markdown deck files for the next sync).
        Pick the kind by what must be retrieved: cloze for exact terms and syntax, why for mechanisms, error for debugging intuition,
        basic for definitions and facts. The prompts end_of_lesson_review and write_*_cards explain how to write good cards.
        """;

    /// <summary>Registers the server's services, tools, resources and prompts.</summary>
    public static IMcpServerBuilder AddAnkiMcpServer(this IServiceCollection services, AnkiMcpServerSettings settings, ProposalStore store)
    {
        // The slow parts of a first tool call run in the background while the tools are being built and the client
        // connects: the prompt files (YAML) and the collection's note types and deck files the duplicate check reads.
        Task<IReadOnlyList<McpServerPrompt>> prompts = Task.Run(() => PromptFileLoader.LoadFromDirectory(PromptFileLoader.DefaultDirectory));
        CachedNoteTypes noteTypes = new(settings.CollectionDirectory);
        DeckFileCache deckFiles = new();
        CollectionWarmUp.Start(settings.CollectionDirectory, noteTypes, deckFiles);
        services.AddSingleton(settings);
        services.AddSingleton(store);
        services.AddSingleton<ElicitedApproval>();
        services.AddSingleton<CallerSessions>();
        services.AddSingleton(_ => new AnkiConnectClient(AnkiConnectOptions.Resolve(settings.AnkiUrl)));
        services.AddSingleton(noteTypes);
        services.AddSingleton(deckFiles);
        services.AddSingleton(new CreationCheck(settings.CollectionDirectory, noteTypes));
        services.AddSingleton(provider => new ExistingCardFinder(store, settings.CollectionDirectory, provider.GetRequiredService<CachedNoteTypes>(),
            provider.GetRequiredService<DeckFileCache>(), provider.GetRequiredService<AnkiConnectClient>()));
        services.AddSingleton(provider => new SyncEngine(settings.CollectionDirectory, provider.GetRequiredService<AnkiConnectClient>(),
            provider.GetRequiredService<ILogger<SyncEngine>>()));
        services.AddSingleton(provider => new ApprovedCardCreator(store, settings.CollectionDirectory,
            provider.GetRequiredService<CachedNoteTypes>(), provider.GetRequiredService<DeckFileCache>(), provider.GetRequiredService<SyncEngine>()));
        IMcpServerBuilder server = services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "ankimcp", Title = "AnkiMcp", Version = Version };
                options.ServerInstructions = Instructions + "\n" + PolicyInstruction(settings.Policy);
            })
            .WithRequestFilters(filters => filters.AddCallToolFilter(StrictToolArguments.Filter))
            .WithTools<ProposalTools>(ToolJson.Options)
            .WithTools<CollectionTools>(ToolJson.Options)
            .WithTools<CardCreationTools>(ToolJson.Options)
            .WithTools<SyncTools>(ToolJson.Options)
            .WithResources<ProposalResources>()
            .WithResources<DeckResources>();
        // Runs after the SDK has collected the tools; a malformed prompt file still stops the server from starting.
        services.Configure<McpServerOptions>(options =>
        {
            McpServerPrimitiveCollection<McpServerPrompt> collection = options.PromptCollection ?? [];
            foreach (McpServerPrompt prompt in prompts.GetAwaiter().GetResult())
                collection.TryAdd(prompt);
            if (!collection.IsEmpty)
                options.PromptCollection = collection;
        });
        return server;
    }

    private static string PolicyInstruction(ApprovalPolicy policy) => policy switch
    {
        ApprovalPolicy.Elicit => "Approval policy here: elicit. approve_proposals makes the server ask the person in a form; only their answer counts.",
        ApprovalPolicy.Reviewer => "Approval policy here: reviewer. You cannot approve: ask the person to run `ankimcp review` in a terminal, then call create_approved_cards (or they run `ankimcp create` themselves).",
        _ => "Approval policy here: conversation. Your approve_proposals call records the person's decision, so make it only with their own words.",
    };

    private static string Version =>
        typeof(AnkiMcpServerSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
