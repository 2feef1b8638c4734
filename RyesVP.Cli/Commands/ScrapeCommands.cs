using RyesVP.Domain.Scraping;

namespace RyesVP.Cli.Commands;

internal static class ScrapeCommands
{
    public sealed record DryRunEvent(
        string Title, DateTime StartDateTime, DateTime? EndDateTime, string? Url, string? ImageUrl,
        string? SourceEventId, string Category, string Status, string VenueSlug);

    /// <summary>
    /// ryesvp scrape [--venue S] [--dry-run] [--json]. A dry run fetches and parses only (no database needed);
    /// otherwise the scrape job runs through the durable host.
    /// </summary>
    public static async Task<int> RunAsync(Args args, IServiceProvider services, CancellationToken ct)
    {
        if (!args.Has("dry-run"))
        {
            return await JobCommands.StartAndFollowAsync("scrape", args, wait: true, ct);
        }

        var scrapers = services.GetServices<IVenueScraper>().ToDictionary(s => s.Slug);
        var venue = args.Value("venue");
        if (venue is not null && !scrapers.ContainsKey(venue))
        {
            Console.Error.WriteLine($"venue must be one of {string.Join(", ", scrapers.Keys)} (got '{venue}')");
            return 2;
        }

        var now = TimeProvider.System.GetUtcNow();
        var events = new List<DryRunEvent>();
        var failed = 0;
        foreach (var scraper in venue is null ? scrapers.Values.ToList() : [scrapers[venue]])
        {
            try
            {
                var parsed = await scraper.ScrapeAsync(now, ct);
                events.AddRange(parsed.Events.Select(e => new DryRunEvent(
                    e.Title, e.StartDateTime, e.EndDateTime, e.Url, e.ImageUrl, e.SourceEventId, e.Category.ToString(), e.Status.ToString(), e.VenueSlug)));
                foreach (var p in parsed.Problems)
                {
                    Console.Error.WriteLine($"{scraper.Slug}: {p}");
                }

                Console.Error.WriteLine($"{scraper.Slug}: {parsed.Events.Count} events, {parsed.Problems.Count} problems");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                Console.Error.WriteLine($"{scraper.Slug}: FAILED: {ex.Message}");
            }
        }

        if (args.Has("json"))
        {
            Report.Json(events, Console.Out);
        }
        else
        {
            foreach (var e in events)
            {
                Console.WriteLine($"{e.StartDateTime:yyyy-MM-ddTHH:mm}Z  {e.VenueSlug,-20} {e.Status,-9} {e.Category,-8} {e.Title}  [{e.SourceEventId}]");
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
