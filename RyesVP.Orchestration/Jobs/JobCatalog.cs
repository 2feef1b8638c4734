using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Daily;
using RyesVP.Orchestration.Enrich;
using RyesVP.Orchestration.Scrape;
using RyesVP.Orchestration.Ticketmaster;
using RyesVP.Orchestration.Weather;

namespace RyesVP.Orchestration.Jobs;

/// <summary>Which orchestrator runs which job.</summary>
public static class JobCatalog
{
    private static readonly Dictionary<string, string> Orchestrators = new()
    {
        [JobNames.Scrape] = nameof(ScrapeJob.RunScrapeJob),
        [JobNames.TmDownload] = nameof(TicketmasterJobs.RunTmDownloadJob),
        [JobNames.Enrich] = nameof(EnrichJob.RunEnrichJob),
        [JobNames.TmMatch] = nameof(TicketmasterJobs.RunTmMatchJob),
        [JobNames.WeatherPrecache] = nameof(WeatherJob.RunWeatherJob),
        [JobNames.Daily] = nameof(DailyRefresh.RunDailyRefresh),
    };

    public static IReadOnlyList<string> Jobs => JobNames.All;

    public static bool Exists(string job) => Orchestrators.ContainsKey(job);

    public static string OrchestratorFor(string job) =>
        Orchestrators.TryGetValue(job, out var name) ? name : throw new ArgumentException($"Unknown job '{job}'", nameof(job));
}
