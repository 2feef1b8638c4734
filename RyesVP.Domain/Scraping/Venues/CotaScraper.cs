using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues;

/// <summary>circuitoftheamericas.com event grid; dates are day or multi-day ranges shown at 19:00 Austin.</summary>
public sealed partial class CotaScraper(VenuePageClient client) : IVenueScraper
{
    public const string VenueSlug = "cota";
    public const string ListingUrl = "https://circuitoftheamericas.com/events/";
    private const string Origin = "https://circuitoftheamericas.com";

    public string Slug => VenueSlug;

    public async Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct) =>
        Parse(await client.GetRequiredAsync(ListingUrl, ct), now);

    public static ParseResult Parse(string html, DateTimeOffset now)
    {
        var doc = Html.Parse(html);
        if (doc.QuerySelector(".event-grid-ctn") is null)
        {
            throw new ScrapeException("No .event-grid-ctn on the COTA page; the page layout may have changed");
        }

        var today = AustinTime.Today(now);
        var seen = new HashSet<string>();
        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        foreach (var column in doc.QuerySelectorAll(".event-grid-ctn .event-column.column"))
        {
            var tag = column.QuerySelector(".event-tag").Text().ToLowerInvariant();
            if (tag == "sponsor")
            {
                continue;
            }

            var link = column.QuerySelector("h3.heading-6 a");
            var title = link.Text();
            var href = Html.Absolute(link?.GetAttribute("href"), Origin);
            if (title.Length == 0 || href is null || !seen.Add(href))
            {
                continue;
            }

            DateOnly start, end;
            try
            {
                (start, end) = MonthDayRange.Parse(column.QuerySelector(".event-date").Text());
            }
            catch (DateParseException ex)
            {
                problems.Add($"{ex.Message} for '{title}'");
                continue;
            }

            // A multi-day event that is still on is not past.
            if (end < today)
            {
                continue;
            }

            var imageLink = column.QuerySelector(".event-image a");
            var image = Html.BackgroundImage(imageLink?.GetAttribute("style")) ?? imageLink?.GetAttribute("data-bg");
            var sid = "cota-" + NonAlnum().Replace(SchemePrefix().Replace(href, string.Empty), "-");
            events.Add(new ScrapedEvent(
                VenueSlug,
                title,
                AustinTime.ToUtc(start, 19, 0),
                href,
                sid.Length > 100 ? sid[..100] : sid,
                Category(tag, title),
                Text.StatusFrom(column.QuerySelector(".event-status").Text()),
                null,
                end > start ? AustinTime.ToUtc(end, 23, 0) : null,
                Html.Absolute(image, Origin)));
        }

        return new ParseResult(events, problems);
    }

    private static EventCategory Category(string tag, string title) =>
        tag == "motorsports" || Text.HasAny(title, "f1", "formula", "motogp", "nascar", "grand prix", "racing") ? EventCategory.SPORTS
        : tag is "concerts" or "concert" ? EventCategory.CONCERT
        : tag == "community" ? EventCategory.OTHER
        : Text.HasAny(title, "festival", "fest") ? EventCategory.FESTIVAL
        : EventCategory.OTHER;

    [GeneratedRegex(@"^https?://")]
    private static partial Regex SchemePrefix();

    [GeneratedRegex(@"[^A-Za-z0-9]")]
    private static partial Regex NonAlnum();
}
