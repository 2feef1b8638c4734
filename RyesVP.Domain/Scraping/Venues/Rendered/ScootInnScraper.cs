using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>scootinnaustin.com/shows (LiveNation): JSON-LD; the DOM cards only when the page carries none.</summary>
public sealed partial class ScootInnScraper(RenderingClient renderer) : RenderedScraper(renderer)
{
    public const string VenueSlug = "scoot-inn";

    public override string Slug => VenueSlug;

    public override RenderPlan Plan { get; } = new("https://www.scootinnaustin.com/shows", SettleMs: 3000, Behaviour: RenderBehaviour.Scroll,
        CountSelector: "a[href*='/event/']", MaxRounds: 15, RoundWaitMs: 1500);

    public override ParseResult Parse(IReadOnlyList<string> pages, DateTimeOffset now)
    {
        var problems = new List<string>();
        var items = LiveNationJsonLd.Read(pages[0], now, problems);
        var events = items.Select(i => new ScrapedEvent(VenueSlug, i.Title, i.Start, i.Url, i.Id, Category(i.Title), i.Status, i.Description, ImageUrl: i.Image)).ToList();
        if (events.Count > 0)
        {
            return new ParseResult(events, problems);
        }

        var doc = Html.Parse(pages[0]);
        var cutoff = RenderedDates.Cutoff(now);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in doc.QuerySelectorAll("a[href*='/event/']"))
        {
            var href = Html.Absolute(a.GetAttribute("href"), "https://www.scootinnaustin.com");
            var card = a.Closest("[class*='card'], [class*='Card'], article, li") ?? a.ParentElement;
            var title = card?.QuerySelector("h1, h2, h3, h4, [class*='title'], [class*='Title']").Text() ?? string.Empty;
            var id = LiveNationJsonLd.StableId(href);
            if (title.Length == 0 || id is null || !seen.Add(id))
            {
                continue;
            }

            var dateEl = card!.QuerySelector("[class*='date'], [class*='Date'], time, [datetime]");
            var text = dateEl?.GetAttribute("datetime") ?? dateEl.Text();
            var start = DomDate(text, now, title, problems);
            if (start is null || start < cutoff)
            {
                continue;
            }

            events.Add(new ScrapedEvent(VenueSlug, title, start.Value, href, id, Category(title), Text.StatusFrom(card.TextContent), ImageUrl: card.QuerySelector("img")?.GetAttribute("src")));
        }

        return new ParseResult(events, problems);
    }

    private static DateTime? DomDate(string text, DateTimeOffset now, string title, List<string> problems)
    {
        if (IsoStart().IsMatch(text))
        {
            try
            {
                return JsonLd.ParseDate(text, defaultHour: 20);
            }
            catch (DateParseException ex)
            {
                problems.Add($"{ex.Message} for '{title}'");
                return null;
            }
        }

        var m = MonthDayYear().Match(text);
        return RenderedDates.At(m.Success ? DateText.Month(m.Groups[1].Value) : null, m.Success ? RenderedDates.Int(m.Groups[2].Value) : 0,
            m.Success && m.Groups[3].Success ? RenderedDates.Int(m.Groups[3].Value) : null, DateText.Time(text, requireMeridiem: true) ?? (20, 0), now, title, text, problems);
    }

    private static EventCategory Category(string title) =>
        Text.HasAny(title, "dj", "edm", "electronic") && !Text.HasAny(title, "comedy") ? EventCategory.CONCERT : LiveNationJsonLd.Category(title);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoStart();

    [GeneratedRegex(@"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")]
    private static partial Regex MonthDayYear();
}
