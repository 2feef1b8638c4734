using RyesVP.Cli;
using RyesVP.Cli.Commands;
using RyesVP.Orchestration;

DotEnv.Load();
var flags = new HashSet<string> { "wait", "force", "dry-run", "json", "in-memory", "no-timer", "steps" };
var cli = new Args(args, flags);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
// A plain container for the commands that need no host (db, runs, dry-run scrape, bench); not a web app.
#pragma warning disable ASP0000
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).SetMinimumLevel(LogLevel.Warning))
    .AddRyesVP(configuration)
    .BuildServiceProvider();
#pragma warning restore ASP0000

try
{
    return cli.Positional.FirstOrDefault() switch
    {
        "db" => await DbCommands.RunAsync(cli, services, cancel.Token),
        "serve" => await ServeCommand.RunAsync(cli, cancel.Token),
        "run" => await JobCommands.RunAsync(cli, cancel.Token),
        "status" => await JobCommands.StatusAsync(cli, cancel.Token),
        "runs" => await JobCommands.RunsAsync(cli, services, cancel.Token),
        "scrape" => await ScrapeCommands.RunAsync(cli, services, cancel.Token),
        "weather" => await WeatherCommand.RunAsync(cli, services, cancel.Token),
        "functions" => FunctionsCommand.Run(),
        "bench" => await BenchCommand.RunAsync(cli, services, cancel.Token),
        _ => Usage(),
    };
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted. A started run carries on durably the next time a worker runs (ryesvp serve).");
    return 130;
}
catch (InvalidOperationException ex) when (ex.Message.EndsWith(" not set", StringComparison.Ordinal))
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        ryesvp — RyesVP data jobs

          ryesvp db migrate                      apply database migrations (DIRECT_URL or DATABASE_URL)
          ryesvp db seed                         insert/fill the venue catalogue
          ryesvp serve [--urls URL] [--in-memory] [--no-timer]
                                                 HTTP API (default http://localhost:7071), timer and worker
          ryesvp run <job> [--wait] [--venue S] [--limit N] [--force] [--months N] [--in-memory] [--json]
                                                 start a job (scrape, weather-precache, daily); --wait hosts it here and shows progress
          ryesvp status <instanceId>             one run: task-hub state, progress, summary, steps
          ryesvp runs [--job J] [--status S] [--since DATE] [--top N] [--skip N] [--steps] [--json]
          ryesvp scrape [--venue S] [--dry-run] [--json]
                                                 --dry-run parses and prints without writing
          ryesvp weather --lat L --lng L [--date YYYY-MM-DD]
                                                 fetch and print one forecast (rounded as the web app rounds)
          ryesvp functions                       the functions the local host serves
          ryesvp bench upsert [--events N]       bulk upsert vs one statement per row
        """);
    return 2;
}
