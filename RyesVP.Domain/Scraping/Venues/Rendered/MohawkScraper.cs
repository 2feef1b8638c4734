using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>mohawkaustin.com: a list that grows with a "show more" control.</summary>
public sealed partial class MohawkScraper(RenderingClient renderer) : RenderedScraper(renderer)
{
    public const string VenueSlug = "mohawk";
    private const string Origin = "https://mohawkaustin.com";

    public override string Slug => VenueSlug;

    public override RenderPlan Plan { get; } = new("https://mohawkaustin.com/", WaitFor: ".list-view-item", Behaviour: RenderBehaviour.ClickMore,
        CountSelector: ".list-view-item", ClickSelector: "#more-view > span, .more-button", MaxRounds: 20, RoundWaitMs: 2000);

    public override ParseResult Parse(IReadOnlyList<string> pages, DateTimeOffset now)
    {
        var doc = Html.Parse(pages[0]);
        var items = doc.QuerySelectorAll(".list-view-item");
        if (items.Length == 0)
        {
            throw new ScrapeException("No .list-view-item shows on the Mohawk page; the page layout may have changed");
        }

        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        var cutoff = RenderedDates.Cutoff(now);
        foreach (var item in items)
        {
            var link = item.QuerySelector(".event-name.headliners a");
            var title = link.Text();
            var href = Html.Absolute(link?.GetAttribute("href"), Origin);
            if (title.Length == 0)
            {
                continue;
            }

            var monthText = item.QuerySelector(".month").Text();
            var month = monthText.Length == 3 ? DateText.Month(monthText) : null;
            var timeText = item.QuerySelector(".endtop").Text().Split('/')[0];
            var t = TimeOf().Match(timeText);
            var time = t.Success ? (Hour(RenderedDates.Int(t.Groups[1].Value), t.Groups[3].Value), t.Groups[2].Success ? RenderedDates.Int(t.Groups[2].Value) : 0) : (20, 0);
            var start = RenderedDates.At(month, int.TryParse(item.QuerySelector(".dayofmonth").Text(), out var d) ? d : 0, null, time, now, title, $"{monthText} {item.QuerySelector(".dayofmonth").Text()}", problems);
            if (start is null || start < cutoff)
            {
                continue;
            }

            var presenter = item.QuerySelector(".toptop").Text();
            var support = string.Join(", ", item.QuerySelectorAll(".supports a").Select(a => a.Text()).Where(s => s.Length > 0));
            events.Add(new ScrapedEvent(VenueSlug, title, start.Value, href,
                href is not null && IdParam().Match(href) is { Success: true } id ? id.Groups[1].Value : null,
                Text.HasAny(title + " " + presenter, "comedy", "quizzo", "trivia") ? EventCategory.OTHER : EventCategory.CONCERT,
                Text.StatusFrom(item.QuerySelector(".status, .cancelled").Text(), title),
                Text.NullIfEmpty(string.Join(" | ", new[] { presenter, support.Length > 0 ? "With " + support : string.Empty }.Where(s => s.Length > 0))),
                ImageUrl: Html.Absolute(item.QuerySelector(".image-url img")?.GetAttribute("src"), Origin)));
        }

        return new ParseResult(events, problems);
    }

    private static int Hour(int hour, string meridiem) => meridiem.Length > 0 ? DateText.To24(hour, meridiem.ToLowerInvariant()) : hour == 12 ? 0 : hour;

    [GeneratedRegex(@"(\d+)(?::(\d+))?\s*(am|pm)?", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOf();

    [GeneratedRegex(@"[?&]id=([^&#]+)")]
    private static partial Regex IdParam();
}
