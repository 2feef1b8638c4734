using RyesVP.Cli.LocalHost;

namespace RyesVP.Cli.Commands;

internal static class ServeCommand
{
    /// <summary>ryesvp serve [--urls URL] [--in-memory] [--no-timer]: the HTTP API, the timer and the worker until Ctrl+C.</summary>
    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var urls = args.Value("urls") ?? Environment.GetEnvironmentVariable("RYESVP_URLS") ?? "http://localhost:7071";
        await using var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            InMemory = args.Has("in-memory"),
            Urls = urls,
            Timers = !args.Has("no-timer"),
        }, ct: ct);
        Console.WriteLine($"RyesVP functions on {urls}/api (task hub: {(args.Has("in-memory") ? "in memory" : Environment.GetEnvironmentVariable("TaskHubName") ?? LocalFunctionsHost.DefaultTaskHub)}). Ctrl+C stops.");
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }

        await host.StopAsync(CancellationToken.None);
        return 0;
    }
}
