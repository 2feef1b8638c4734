using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>empireatx.com (Modern Events Calendar) with a "Load More" button; the listing shows no times (20:00).</summary>
public sealed partial class EmpireScraper(RenderingClient renderer) : RenderedScraper(renderer)
{
    public const string VenueSlug = "empire-control-room";

    public override string Slug => VenueSlug;

    public override RenderPlan Plan { get; } = new("https://empireatx.com/", WaitFor: ".mec-event-article", Behaviour: RenderBehaviour.ClickMore,
        CountSelector: ".mec-event-article", ClickSelector: ".mec-load-more-button", MaxRounds: 30, RoundWaitMs: 2000);

    public override ParseResult Parse(IReadOnlyList<string> pages, DateTimeOffset now)
    {
        var doc = Html.Parse(pages[0]);
        var items = doc.QuerySelectorAll("article.mec-event-article");
        if (items.Length == 0)
        {
            throw new ScrapeException("No article.mec-event-article entries on the Empire page; the page layout may have changed");
        }

        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cutoff = RenderedDates.Cutoff(now);
        foreach (var item in items)
        {
            var link = item.QuerySelector(".mec-event-title a, h4 a[data-event-id], h3 a[data-event-id]");
            var title = link.Text();
            var href = link?.GetAttribute("href");
            if (title.Length == 0 || string.IsNullOrWhiteSpace(href))
            {
                continue;
            }

            var id = link!.GetAttribute("data-event-id") is { Length: > 0 } eventId ? $"empire-{eventId}" : $"empire-{href.TrimEnd('/').Split('/')[^1]}";
            if (!seen.Add(id))
            {
                continue;
            }

            var label = item.QuerySelector(".mec-start-date-label").Text();
            var m = DayMonth().Match(label);
            var start = RenderedDates.At(m.Success ? DateText.Month(m.Groups[2].Value) : null, m.Success ? RenderedDates.Int(m.Groups[1].Value) : 0, null, (20, 0), now, title, label, problems);
            if (start is null || start < cutoff)
            {
                continue;
            }

            events.Add(new ScrapedEvent(VenueSlug, title, start.Value, href, id, EventCategory.CONCERT,
                Text.StatusFrom(item.QuerySelector(".mec-event-status, .mec-cancellation-reason, .mec-event-canceled").Text(), title),
                ImageUrl: item.QuerySelector(".mec-event-image img")?.GetAttribute("src")));
        }

        return new ParseResult(events, problems);
    }

    [GeneratedRegex(@"(\d{1,2})\s+([A-Za-z]+)")]
    private static partial Regex DayMonth();
}
