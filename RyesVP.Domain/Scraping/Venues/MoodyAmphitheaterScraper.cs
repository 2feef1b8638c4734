using System.Globalization;
using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues;

/// <summary>moodyamphitheater.com (Webflow collection items).</summary>
public sealed partial class MoodyAmphitheaterScraper(VenuePageClient client) : IVenueScraper
{
    public const string VenueSlug = "moody-amphitheater";
    public const string ListingUrl = "https://www.moodyamphitheater.com/events-tickets";
    private const string Origin = "https://www.moodyamphitheater.com";

    public string Slug => VenueSlug;

    public async Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct) =>
        Parse(await client.GetRequiredAsync(ListingUrl, ct), now);

    public static ParseResult Parse(string html, DateTimeOffset now)
    {
        var doc = Html.Parse(html);
        var items = doc.QuerySelectorAll(".collection-item.w-dyn-item");
        if (items.Length == 0 && doc.QuerySelector(".w-dyn-list, .w-dyn-empty") is null)
        {
            throw new ScrapeException("No Webflow collection items on the Moody Amphitheater page; the page layout may have changed");
        }

        var todayStart = AustinTime.StartOfDayUtc(AustinTime.Today(now));
        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        foreach (var item in items)
        {
            var headliner = item.QuerySelector(".event-headliner").Text();
            var tour = item.QuerySelector(".event-title").Text();
            var support = item.QuerySelector(".event-support").Text();
            var title = headliner.Length > 0 ? headliner : tour;
            if (headliner.Length > 0 && tour.Length > 0 && !string.Equals(tour, headliner, StringComparison.OrdinalIgnoreCase))
            {
                title = $"{headliner}: {tour}";
            }

            if (support.Length > 0)
            {
                title = $"{title} {support}";
            }

            if (title.Length == 0)
            {
                continue;
            }

            var monthText = item.QuerySelector(".date-month").Text();
            var dayText = item.QuerySelector(".date-day").Text();
            // The old scraper accepted only 3-letter months, so "March" silently dropped the event.
            var month = DateText.Month(monthText);
            if (month is null || !int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 31)
            {
                problems.Add($"Unparseable date '{monthText} {dayText}' for '{title}'");
                continue;
            }

            var year = AustinTime.InferYear(month.Value, day, now);
            if (day > DateTime.DaysInMonth(year, month.Value))
            {
                problems.Add($"Unparseable date '{monthText} {dayText}' for '{title}'");
                continue;
            }

            var time = DateText.Time(item.QuerySelector(".event-time").Text()) ?? (19, 0);
            var start = AustinTime.ToUtc(year, month.Value, day, time.Hour, time.Minute);
            if (start < todayStart)
            {
                continue;
            }

            var detail = Html.Absolute(item.QuerySelector(".link-block")?.GetAttribute("href"), Origin);
            var ticket = Html.Absolute(item.QuerySelector(".ticket-button.primary-btn")?.GetAttribute("href"), Origin);
            string? sid = null;
            if (detail is not null && DetailPath().Match(detail) is { Success: true } d)
            {
                sid = $"moody-amp-{d.Groups[1].Value}";
            }
            else if (ticket is not null && TicketId().Match(ticket) is { Success: true } t)
            {
                sid = $"tm-{t.Groups[1].Value}";
            }

            var text = $"{title} {tour}";
            events.Add(new ScrapedEvent(
                VenueSlug,
                title,
                start,
                detail ?? ticket,
                sid,
                Text.HasAny(text, "fest", "festival") ? EventCategory.FESTIVAL
                    : Text.HasAny(text, "comedy", "comedian") ? EventCategory.COMEDY
                    : EventCategory.CONCERT,
                Text.StatusFrom(item.QuerySelector(".event-status").Text()),
                null,
                null,
                Html.Absolute(item.QuerySelector("img")?.GetAttribute("src"), Origin)));
        }

        return new ParseResult(events, problems);
    }

    [GeneratedRegex(@"/events/([^/?#]+)")]
    private static partial Regex DetailPath();

    [GeneratedRegex(@"/event/([A-Z0-9]+)")]
    private static partial Regex TicketId();
}
