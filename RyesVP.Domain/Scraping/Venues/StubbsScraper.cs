using System.Globalization;
using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues;

/// <summary>stubbsaustin.com concert listings (TicketWeb .tw-* markup).</summary>
public sealed partial class StubbsScraper(VenuePageClient client) : IVenueScraper
{
    public const string VenueSlug = "stubbs";
    public const string ListingUrl = "https://stubbsaustin.com/concert-listings/";
    private const string Origin = "https://stubbsaustin.com";

    public string Slug => VenueSlug;

    public async Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct) =>
        Parse(await client.GetRequiredAsync(ListingUrl, ct), now);

    public static ParseResult Parse(string html, DateTimeOffset now)
    {
        var doc = Html.Parse(html);
        var sections = doc.QuerySelectorAll(".tw-section");
        if (sections.Length == 0 && doc.QuerySelector(".tw-plugin-upcoming-event-list, .tw-events, .tw-plugin") is null)
        {
            throw new ScrapeException("No .tw-section listings on the Stubb's page; the page layout may have changed");
        }

        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        foreach (var section in sections)
        {
            var link = section.QuerySelector(".tw-name a");
            var title = link.Text();
            var href = Html.Absolute(link?.GetAttribute("href"), Origin);
            if (title.Length == 0)
            {
                continue;
            }

            var time = DateText.Time(section.QuerySelector(".tw-event-time").Text(), requireMeridiem: true) ?? (20, 0);
            DateOnly date;
            var urlDate = href is null ? Match.Empty : UrlDate().Match(href);
            if (urlDate.Success)
            {
                date = DateOnly.ParseExact(urlDate.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                var md = MonthDay().Match(section.QuerySelector(".tw-event-date").Text());
                if (!md.Success)
                {
                    problems.Add($"Unparseable date '{section.QuerySelector(".tw-event-date").Text()}' for '{title}'");
                    continue;
                }

                var month = int.Parse(md.Groups[1].Value, CultureInfo.InvariantCulture);
                var day = int.Parse(md.Groups[2].Value, CultureInfo.InvariantCulture);
                if (month is < 1 or > 12 || day is < 1 or > 31)
                {
                    problems.Add($"Unparseable date '{md.Value}' for '{title}'");
                    continue;
                }

                var year = AustinTime.InferYear(month, day, now);
                if (day > DateTime.DaysInMonth(year, month))
                {
                    problems.Add($"Unparseable date '{md.Value}' for '{title}'");
                    continue;
                }

                date = new DateOnly(year, month, day);
            }

            var parts = new List<string>();
            var doors = section.QuerySelector(".tw-event-door-time").Text();
            var price = section.QuerySelector(".tw-price").Text();
            var ages = section.QuerySelector(".tw-age-restriction").Text();
            if (doors.Length > 0)
            {
                parts.Add($"Doors: {doors}");
            }

            if (price.Length > 0)
            {
                parts.Add($"Price: {price}");
            }

            if (ages.Length > 0 && ages != "and up")
            {
                parts.Add($"Ages: {ages}");
            }

            var sid = href is null ? null : TmEvent().Match(href) is { Success: true } m ? m.Groups[1].Value : null;
            events.Add(new ScrapedEvent(
                VenueSlug,
                title,
                AustinTime.ToUtc(date, time.Hour, time.Minute),
                href,
                sid,
                Category(title),
                Text.StatusFrom(section.QuerySelector(".tw-event-status, .tw-status").Text(), title.StartsWith("CANCELLED", StringComparison.OrdinalIgnoreCase) ? title : null),
                parts.Count > 0 ? string.Join(" | ", parts) : null,
                null,
                Html.Absolute(section.QuerySelector(".event-img")?.GetAttribute("src"), Origin)));
        }

        return new ParseResult(events, problems);
    }

    private static EventCategory Category(string title) =>
        Text.HasAny(title, "gospel brunch", "brunch") ? EventCategory.OTHER
        : Text.HasAny(title, "comedy", "stand-up", "comedian") ? EventCategory.COMEDY
        : EventCategory.CONCERT;

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"(\d{1,2})/(\d{1,2})")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"/tm-event/([^/?#]+)")]
    private static partial Regex TmEvent();
}
