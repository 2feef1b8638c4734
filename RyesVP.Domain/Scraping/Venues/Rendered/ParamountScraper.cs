using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>tickets.austintheatre.org (Tessitura): productions and their performances.</summary>
public sealed partial class ParamountScraper(RenderingClient renderer) : RenderedScraper(renderer)
{
    public const string VenueSlug = "paramount-theatre";
    private const string Origin = "https://tickets.austintheatre.org";

    public override string Slug => VenueSlug;

    public override RenderPlan Plan { get; } = new("https://tickets.austintheatre.org/events", WaitFor: ".tn-prod-list-item", SettleMs: 3000);

    public override ParseResult Parse(IReadOnlyList<string> pages, DateTimeOffset now)
    {
        var doc = Html.Parse(pages[0]);
        var items = doc.QuerySelectorAll(".tn-prod-list-item");
        if (items.Length == 0 && doc.QuerySelector(".tn-prod-list, .tn-events-list-view, #tn-events-list") is null)
        {
            throw new ScrapeException("No .tn-prod-list-item productions on the Paramount page; the page layout may have changed");
        }

        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        foreach (var item in items)
        {
            var heading = item.QuerySelector(".tn-prod-list-item__property--heading a");
            var title = heading.Text();
            if (title.Length == 0)
            {
                continue;
            }

            var productionUrl = Html.Absolute(heading?.GetAttribute("href"), Origin);
            var image = Html.Absolute(item.QuerySelector(".tn-prod-list-item__property--img-container img")?.GetAttribute("src"), Origin);
            var season = item.GetAttribute("data-tn-prod-season-no");
            foreach (var perf in item.QuerySelectorAll(".tn-prod-list-item__perf-list-item"))
            {
                var dateText = perf.QuerySelector(".tn-prod-list-item__perf-date").Text();
                var timeText = perf.QuerySelector(".tn-prod-list-item__perf-time").Text();
                var m = PerfDate().Match(Weekday().Replace(dateText, string.Empty));
                var time = DateText.Time(timeText);
                if (!m.Success || time is null)
                {
                    problems.Add($"Unparseable performance '{dateText} {timeText}' for '{title}'");
                    continue;
                }

                var start = RenderedDates.At(DateText.Month(m.Groups[1].Value), RenderedDates.Int(m.Groups[2].Value), RenderedDates.Int(m.Groups[3].Value), time.Value, now, title, dateText, problems);
                if (start is null)
                {
                    continue;
                }

                var type = perf.GetAttribute("data-tn-product-type-id");
                events.Add(new ScrapedEvent(
                    VenueSlug, title, start.Value,
                    Html.Absolute(perf.QuerySelector(".tn-prod-list-item__perf-anchor")?.GetAttribute("href"), Origin) ?? productionUrl,
                    Text.NullIfEmpty(perf.GetAttribute("data-tn-performance-no")) ?? Text.NullIfEmpty(season),
                    Category(type, title),
                    Text.StatusFrom(perf.QuerySelector(".tn-prod-list-item__perf-status").Text()),
                    ImageUrl: image));
            }
        }

        return new ParseResult(events, problems);
    }

    private static EventCategory Category(string? productType, string title) => productType switch
    {
        "4" => EventCategory.COMEDY,
        "5" or "9" or "20" => EventCategory.OTHER,
        "13" or "18" or "19" or "25" => EventCategory.CONCERT,
        _ => SharedCategory.Infer(title),
    };

    [GeneratedRegex(@"^\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")]
    private static partial Regex PerfDate();
}

/// <summary>The web app's shared inferCategory, with whole words (its substring "play" also matched "display").</summary>
internal static partial class SharedCategory
{
    public static EventCategory Infer(string title, string? description = null)
    {
        var t = (title + " " + description).ToLowerInvariant();
        bool Has(params string[] words) => words.Any(w => Regex.IsMatch(t, $@"\b{Regex.Escape(w)}\b"));
        return Has("comedy", "stand-up") ? EventCategory.COMEDY
            : Has("basketball", "sports", "game") ? EventCategory.SPORTS
            : Has("theater", "theatre", "play", "musical") ? EventCategory.THEATER
            : Has("festival") ? EventCategory.FESTIVAL
            : Has("concert", "music", "band", "tour") ? EventCategory.CONCERT
            : EventCategory.OTHER;
    }
}
