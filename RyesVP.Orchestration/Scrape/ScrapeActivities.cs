using Microsoft.Azure.Functions.Worker;
using RyesVP.Domain.Scraping;

namespace RyesVP.Orchestration.Scrape;

public sealed class ScrapeActivities(ScrapeStep step)
{
    [Function(nameof(ListScrapeVenues))]
    public List<string> ListScrapeVenues([ActivityTrigger] ListScrapeVenuesInput input) =>
        input.Venue is null ? [.. step.VenueSlugs] : [input.Venue];

    [Function(nameof(ScrapeVenue))]
    public Task<VenueScrapeResult> ScrapeVenue([ActivityTrigger] ScrapeVenueInput input, CancellationToken ct) =>
        step.RunVenueAsync(input.Venue, input.AsOf, ct);
}
