using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>acllive.com/calendar: an infinite-scroll list with a hidden "load more" control.</summary>
public sealed partial class AclLiveScraper(RenderingClient renderer) : RenderedScraper(renderer)
{
    public const string VenueSlug = "acl-live";
    private const string Origin = "https://www.acllive.com";

    public override string Slug => VenueSlug;

    public override RenderPlan Plan { get; } = new("https://www.acllive.com/calendar", WaitFor: ".eventItem", Behaviour: RenderBehaviour.Scroll,
        CountSelector: ".eventItem", ClickSelector: "#loadMoreEvents", MaxRounds: 50, RoundWaitMs: 2000, StableRounds: 3);

    public override ParseResult Parse(IReadOnlyList<string> pages, DateTimeOffset now)
    {
        var doc = Html.Parse(pages[0]);
        var items = doc.QuerySelectorAll(".eventItem");
        if (items.Length == 0)
        {
            throw new ScrapeException("No .eventItem entries on the ACL Live calendar; the page layout may have changed");
        }

        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var link = item.QuerySelector(".title a");
            var title = link.Text();
            var href = Html.Absolute(link?.GetAttribute("href"), Origin);
            if (title.Length == 0 || title.Contains("{{", StringComparison.Ordinal) || title.Contains("decodeURI", StringComparison.Ordinal) || href is null)
            {
                continue;
            }

            var time = UrlTime(href) ?? (20, 0);
            var month = DateText.Month(item.QuerySelector(".m-date__month").Text());
            var dayText = item.QuerySelector(".m-date__day").Text();
            var yearText = item.QuerySelector(".m-date__year").Text().Replace(",", string.Empty, StringComparison.Ordinal);
            DateTime? start;
            if (month is not null && int.TryParse(dayText, out var day))
            {
                start = RenderedDates.At(month, day, int.TryParse(yearText, out var y) ? y : AustinTime.Today(now).Year, time, now, title, $"{month}/{dayText}", problems);
            }
            else
            {
                var raw = item.QuerySelector(".date a").Text();
                var year = RawYear().Match(raw) is { Success: true } ym ? RenderedDates.Int(ym.Value) : AustinTime.Today(now).Year;
                var d = RawDay().Match(raw);
                start = RenderedDates.At(DateText.Month(raw), d.Success ? RenderedDates.Int(d.Groups[1].Value) : 0, year, time, now, title, raw, problems);
            }

            if (start is null)
            {
                continue;
            }

            var id = EventId().Match(href) is { Success: true } m ? m.Groups[1].Value : null;
            if (!seen.Add(id ?? href))
            {
                continue; // the list repeats items while it grows
            }

            var location = item.QuerySelector(".location").Text();
            var tour = item.QuerySelector(".tour").Text();
            var tagline = item.QuerySelector(".tagline").Text();
            var presenter = item.QuerySelector(".presented-by").Text();
            var parts = new[] { location.Length > 0 ? $"Venue: {location}" : null, tour.Length > 0 ? $"Tour: {tour}" : null, Text.NullIfEmpty(tagline), presenter.Length > 0 ? $"Presented by: {presenter}" : null }
                .OfType<string>().ToList();
            var text = title + " " + tagline + " " + tour;
            var category = Text.HasAny(text, "comedy", "stand-up", "comedian", "laugh") ? EventCategory.COMEDY
                : Text.HasAny(text, "theater", "theatre", "musical", "broadway") ? EventCategory.THEATER
                : EventCategory.CONCERT;
            events.Add(new ScrapedEvent(VenueSlug, title, start.Value, href, id, category, Text.StatusFrom(item.QuerySelector(".status, .event-status").Text()),
                parts.Count > 0 ? string.Join(" | ", parts) : null, ImageUrl: Html.Absolute(item.QuerySelector(".thumb img")?.GetAttribute("src"), Origin)));
        }

        return new ParseResult(events, problems);
    }

    /// <summary>"…-at-8-pm" or "…-at-7-30-pm" in the event URL.</summary>
    public static (int Hour, int Minute)? UrlTime(string href)
    {
        var m = AtTime().Match(href);
        return m.Success ? (DateText.To24(RenderedDates.Int(m.Groups[1].Value), m.Groups[3].Value.ToLowerInvariant()), m.Groups[2].Success ? RenderedDates.Int(m.Groups[2].Value) : 0) : null;
    }

    [GeneratedRegex(@"at-(\d+)(?:-(\d+))?-(am|pm)", RegexOptions.IgnoreCase)]
    private static partial Regex AtTime();

    [GeneratedRegex(@"/event/([^/?#]+)")]
    private static partial Regex EventId();

    [GeneratedRegex(@"\d{4}\s*$")]
    private static partial Regex RawYear();

    [GeneratedRegex(@"[A-Za-z]+\s+(\d{1,2})")]
    private static partial Regex RawDay();
}
