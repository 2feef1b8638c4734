using System.Globalization;
using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>emosaustin.com/shows (LiveNation): JSON-LD first, then Ticketmaster links in the DOM for what it lacks.</summary>
public sealed partial class EmosScraper(RenderingClient renderer) : RenderedScraper(renderer)
{
    public const string VenueSlug = "emos";
    private static readonly HashSet<string> PlaceWords = new(StringComparer.OrdinalIgnoreCase) { "austin", "texas", "tx", "cedar", "park" };

    public override string Slug => VenueSlug;

    public override RenderPlan Plan { get; } = new("https://www.emosaustin.com/shows", Behaviour: RenderBehaviour.Scroll,
        CountSelector: "a[href*='ticketmaster.com']", MaxRounds: 30, RoundWaitMs: 1500, SettleMs: 2000, StableRounds: 2);

    public override ParseResult Parse(IReadOnlyList<string> pages, DateTimeOffset now)
    {
        var problems = new List<string>();
        var events = new List<ScrapedEvent>();
        foreach (var item in LiveNationJsonLd.Read(pages[0], now, problems))
        {
            if (!events.Any(e => Same(e, item.Title, item.Start)))
            {
                events.Add(new ScrapedEvent(VenueSlug, item.Title, item.Start, item.Url, item.Id, LiveNationJsonLd.Category(item.Title), item.Status, item.Description, ImageUrl: item.Image));
            }
        }

        var doc = Html.Parse(pages[0]);
        var cutoff = RenderedDates.Cutoff(now);
        foreach (var a in doc.QuerySelectorAll("a[href*='ticketmaster.com']"))
        {
            var href = a.GetAttribute("href")!;
            var m = TmLink().Match(href);
            if (!m.Success)
            {
                continue;
            }

            var words = m.Groups[1].Value.Split('-', StringSplitOptions.RemoveEmptyEntries).ToList();
            while (words.Count > 0 && PlaceWords.Contains(words[^1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            var title = string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
            if (title.Length < 2 || !DateOnly.TryParseExact($"{m.Groups[2].Value}-{m.Groups[3].Value}-{m.Groups[4].Value}", "MM-dd-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                continue;
            }

            var card = a.Closest("[class*='chakra-card'], [class*='card']") ?? a.ParentElement;
            var time = DateText.Time(card?.TextContent, requireMeridiem: true) ?? (20, 0);
            var start = AustinTime.ToUtc(day, time.Item1, time.Item2);
            if (start < cutoff || events.Any(e => Same(e, title, start) || e.SourceEventId == m.Groups[5].Value))
            {
                continue;
            }

            var image = card?.QuerySelector("img");
            events.Add(new ScrapedEvent(VenueSlug, title, start, href.Split('?')[0], m.Groups[5].Value, LiveNationJsonLd.Category(title),
                Text.StatusFrom(card?.TextContent), ImageUrl: image?.GetAttribute("src") ?? image?.GetAttribute("data-src")));
        }

        return new ParseResult(events, problems);
    }

    /// <summary>The old app's duplicate test: Austin days within one, and one alphanumeric title contains the other or they share 10 leading characters.</summary>
    private static bool Same(ScrapedEvent e, string title, DateTime start)
    {
        var a = Alnum(e.Title);
        var b = Alnum(title);
        if (Math.Abs(AustinTime.LocalDate(e.StartDateTime).DayNumber - AustinTime.LocalDate(start).DayNumber) > 1 || Math.Min(a.Length, b.Length) < 5)
        {
            return a == b && AustinTime.LocalDate(e.StartDateTime) == AustinTime.LocalDate(start);
        }

        return a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal) || (a.Length >= 10 && b.Length >= 10 && a[..10] == b[..10]);
    }

    private static string Alnum(string s) => new([.. s.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    [GeneratedRegex(@"ticketmaster\.com/([a-z0-9-]+?)-(\d{2})-(\d{2})-(\d{4})/event/([A-Za-z0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex TmLink();
}
