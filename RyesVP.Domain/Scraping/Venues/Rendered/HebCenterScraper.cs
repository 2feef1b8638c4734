using System.Globalization;
using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>hebcenter.com calendar view, read month by month ("next month" control), seven months.</summary>
public sealed class HebCenterScraper(RenderingClient renderer) : RenderedScraper(renderer)
{
    public const string VenueSlug = "heb-center";

    public override string Slug => VenueSlug;

    public override RenderPlan Plan { get; } = new("https://www.hebcenter.com/events/calendar", WaitFor: ".tl-calendar", Behaviour: RenderBehaviour.Pages,
        ClickSelector: ".cal-next", MaxRounds: 7, RoundWaitMs: 1500, SettleMs: 2000);

    public override ParseResult Parse(IReadOnlyList<string> pages, DateTimeOffset now)
    {
        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cutoff = RenderedDates.Cutoff(now);
        var calendars = 0;
        foreach (var page in pages)
        {
            var doc = Html.Parse(page);
            if (doc.QuerySelector(".tl-calendar") is null)
            {
                continue;
            }

            calendars++;
            foreach (var day in doc.QuerySelectorAll(".tl-date.hasEvent"))
            {
                foreach (var wrapper in day.QuerySelectorAll(".event_item_wrapper"))
                {
                    var link = wrapper.QuerySelector("h3 a");
                    var title = link.Text();
                    var href = link?.GetAttribute("href");
                    if (title.Length == 0 || string.IsNullOrWhiteSpace(href) || !seen.Add(href))
                    {
                        continue;
                    }

                    var timeText = wrapper.QuerySelector(".date .time").Text();
                    var time = timeText.Contains("TBA", StringComparison.OrdinalIgnoreCase) ? (19, 0) : DateText.Time(timeText) ?? (19, 0);
                    DateTime? start;
                    if (DateOnly.TryParseExact(day.GetAttribute("data-fulldate"), "MM-dd-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
                    {
                        start = AustinTime.ToUtc(full, time.Item1, time.Item2);
                    }
                    else
                    {
                        var dt = wrapper.QuerySelector(".date .dt").Text();
                        var parts = dt.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        start = parts.Length >= 3 && int.TryParse(parts[1], out var d) && int.TryParse(parts[2], out var y)
                            ? RenderedDates.At(DateText.Month(parts[0]), d, y, time, now, title, dt, problems)
                            : RenderedDates.At(null, 0, null, time, now, title, dt, problems);
                    }

                    if (start is null || start < cutoff)
                    {
                        continue;
                    }

                    events.Add(new ScrapedEvent(VenueSlug, title, start.Value, href, $"heb-center-{href.TrimEnd('/').Split('/')[^1]}", Category(title),
                        Text.StatusFrom(wrapper.QuerySelector(".status, .event_status").Text(), title),
                        ImageUrl: wrapper.QuerySelector(".thumb img")?.GetAttribute("src")));
                }
            }
        }

        if (calendars == 0)
        {
            throw new ScrapeException("No .tl-calendar on the H-E-B Center page; the page layout may have changed");
        }

        return new ParseResult(events, problems);
    }

    private static EventCategory Category(string title)
    {
        var t = title.ToLowerInvariant();
        return Text.HasAny(t, "stars", "spurs", " vs", "lovb", "hockey", "basketball", "reign", "admirals", "firebirds", "barracuda", "aew", "wrestling", "dynamite", "wwe") ? EventCategory.SPORTS
            : Text.HasAny(t, "cirque", "disney", "sesame", "paw patrol", "graduation") ? EventCategory.OTHER
            : Text.HasAny(t, "comedy", "comedian") ? EventCategory.COMEDY
            : EventCategory.CONCERT;
    }
}
