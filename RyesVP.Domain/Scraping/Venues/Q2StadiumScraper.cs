using RyesVP.Domain.Events;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues;

/// <summary>q2stadium.com list view; dates have no time and are shown at 19:30 Austin.</summary>
public sealed class Q2StadiumScraper(VenuePageClient client) : IVenueScraper
{
    public const string VenueSlug = "q2-stadium";
    public const string ListingUrl = "https://www.q2stadium.com/events/?view=list";
    private const string Origin = "https://www.q2stadium.com";

    public string Slug => VenueSlug;

    public async Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct) =>
        Parse(await client.GetRequiredAsync(ListingUrl, ct), now);

    public static ParseResult Parse(string html, DateTimeOffset now)
    {
        var doc = Html.Parse(html);
        var items = doc.QuerySelectorAll(".events-list-container");
        if (items.Length == 0 && doc.QuerySelector(".events-list, .no-events") is null)
        {
            throw new ScrapeException("No .events-list-container on the Q2 Stadium page; the page layout may have changed");
        }

        var today = AustinTime.Today(now);
        var seen = new HashSet<string>();
        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        foreach (var item in items)
        {
            var link = item.QuerySelector("h3.heading-4 a");
            var title = link.Text();
            var href = Html.Absolute(link?.GetAttribute("href"), Origin);
            if (title.Length == 0 || href is null || !seen.Add(href))
            {
                continue;
            }

            DateOnly date;
            try
            {
                date = MonthDayRange.Parse(item.QuerySelector(".event-date").Text()).Start;
            }
            catch (DateParseException ex)
            {
                problems.Add($"{ex.Message} for '{title}'");
                continue;
            }

            if (date < today)
            {
                continue;
            }

            var last = new Uri(href).AbsolutePath.Trim('/').Split('/').Last();
            events.Add(new ScrapedEvent(
                VenueSlug,
                title,
                AustinTime.ToUtc(date, 19, 30),
                href,
                $"q2-stadium-{last}",
                Text.HasAny(title, "austin fc", "vs.", "vs ", "fc ") ? EventCategory.SPORTS
                    : Text.HasAny(title, "concert", "tour") ? EventCategory.CONCERT
                    : EventCategory.SPORTS,
                Text.StatusFrom(item.QuerySelector(".event-status").Text()),
                null,
                null,
                Html.Absolute(Html.BackgroundImage(item.QuerySelector(".event-image a")?.GetAttribute("style")), Origin)));
        }

        return new ParseResult(events, problems);
    }
}
