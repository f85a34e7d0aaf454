using AnkiMcp.Bench;

return await BenchmarkDispatcher.RunAsync(args);
