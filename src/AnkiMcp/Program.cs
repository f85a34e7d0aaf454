using AnkiMcp.Cli;

return await AnkiMcpCommandLine.InvokeAsync(args, CliConsole.FromProcess());
