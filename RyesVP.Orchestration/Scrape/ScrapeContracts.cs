using RyesVP.Domain.Scraping;

namespace RyesVP.Orchestration.Scrape;

public sealed record ListScrapeVenuesInput(string? Venue);

public sealed record ScrapeVenueInput(string Venue, DateTimeOffset AsOf);

public sealed record VenueError(string Venue, string Message);

/// <summary>The scrape job's summary (HTTP body, orchestration output, JobRun.summary).</summary>
public sealed record ScrapeSummary(
    int Venues,
    int Succeeded,
    int Failed,
    int TotalEvents,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<VenueError> Errors,
    IReadOnlyList<VenueScrapeResult> Results,
    IReadOnlyList<string> Warnings)
{
    public static ScrapeSummary From(IReadOnlyList<VenueScrapeResult> results) => new(
        results.Count,
        results.Count(r => r.Succeeded),
        results.Count(r => !r.Succeeded),
        results.Sum(r => r.Events),
        results.Sum(r => r.Created),
        results.Sum(r => r.Updated),
        results.Sum(r => r.Unchanged),
        results.Where(r => !r.Succeeded).Select(r => new VenueError(r.Venue, r.Error ?? "failed")).ToList(),
        results,
        results.SelectMany(r => (r.Health?.Warnings ?? []).Select(w => $"{r.Venue}: {w}")).ToList());
}
