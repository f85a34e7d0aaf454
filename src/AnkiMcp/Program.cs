using AnkiMcp.Cli;

return await AnkiMcpCommandLine.Build().Parse(args).InvokeAsync();
