using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues;

/// <summary>antonesnightclub.com (TicketWeb list markup), paged /page/N/ until a page adds nothing.</summary>
public sealed partial class AntonesScraper(VenuePageClient client) : IVenueScraper
{
    public const string VenueSlug = "antones";
    public const string Origin = "https://antonesnightclub.com";

    // The old scraper stopped at exactly three pages; this follows pages until one adds no new event.
    public const int MaxPages = 10;

    public string Slug => VenueSlug;

    public static string PageUrl(int page) => page == 1 ? Origin : $"{Origin}/page/{page}/";

    public async Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var pages = new List<ParseResult> { Parse(await client.GetRequiredAsync(PageUrl(1), ct), now) };
        var seen = pages[0].Events.Select(e => e.Url).ToHashSet();
        for (var page = 2; page <= MaxPages; page++)
        {
            var response = await client.GetAsync(PageUrl(page), ct);
            if (response.Status == HttpStatusCode.NotFound)
            {
                break;
            }

            if (!response.IsSuccess)
            {
                pages.Add(new ParseResult([], [$"Page {page} answered {(int)response.Status}; skipped"]));
                continue;
            }

            var parsed = Parse(response.Body, now, requireListing: false);
            var fresh = parsed.Events.Where(e => seen.Add(e.Url)).ToList();
            pages.Add(parsed with { Events = fresh });
            if (fresh.Count == 0 && parsed.Problems.Count == 0)
            {
                break;
            }
        }

        return ParseResult.Combine(pages);
    }

    public static ParseResult Parse(string html, DateTimeOffset now, bool requireListing = true)
    {
        var doc = Html.Parse(html);
        var sections = doc.QuerySelectorAll(".tw-section.tw-section--list");
        if (sections.Length == 0 && requireListing && doc.QuerySelector(".tw-plugin-upcoming-event-list, .tw-plugin") is null)
        {
            throw new ScrapeException("No .tw-section--list listings on the Antone's page; the page layout may have changed");
        }

        var todayStart = AustinTime.StartOfDayUtc(AustinTime.Today(now));
        var seen = new HashSet<string>();
        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        foreach (var section in sections)
        {
            var link = section.QuerySelector(".tw-name a");
            var title = link.Text();
            var href = Html.Absolute(link?.GetAttribute("href"), Origin);
            if (title.Length == 0 || href is null || !seen.Add(href))
            {
                continue;
            }

            var dateText = section.QuerySelector(".tw-event-date").Text();
            var m = MonthDayYear().Match(dateText);
            var month = m.Success ? DateText.Month(m.Groups["month"].Value) : null;
            if (month is null)
            {
                problems.Add($"Unparseable date '{dateText}' for '{title}'");
                continue;
            }

            var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            var year = m.Groups["year"].Success
                ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)
                : AustinTime.InferYear(month.Value, day, now);
            if (day < 1 || day > DateTime.DaysInMonth(year, month.Value))
            {
                problems.Add($"Unparseable date '{dateText}' for '{title}'");
                continue;
            }

            var time = DateText.Time(section.QuerySelector(".tw-event-time").Text()) ?? (19, 0);
            var start = AustinTime.ToUtc(year, month.Value, day, time.Hour, time.Minute);
            if (start < todayStart)
            {
                continue;
            }

            var slug = TmEvent().Match(href) is { Success: true } tm
                ? tm.Groups[1].Value
                : new Uri(href).AbsolutePath.Trim('/').Split('/').Last();
            events.Add(new ScrapedEvent(
                VenueSlug,
                title,
                start,
                href,
                $"antones-{slug}",
                Text.HasAny(title, "comedy", "stand-up", "comedian") ? EventCategory.COMEDY
                    : Text.HasAny(title, "blues fest", "festival") ? EventCategory.FESTIVAL
                    : EventCategory.CONCERT,
                Text.StatusFrom(section.QuerySelector(".tw-event-status, .tw-status").Text()),
                Text.NullIfEmpty(section.QuerySelector(".event-description").Text()),
                null,
                Html.Absolute(section.QuerySelector(".tw-image img")?.GetAttribute("src"), Origin)));
        }

        return new ParseResult(events, problems);
    }

    [GeneratedRegex(@"(?<month>[A-Za-z]+)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(?<year>\d{4}))?")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"/tm-event/([^/?#]+)")]
    private static partial Regex TmEvent();
}
