using System.Globalization;
using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>
/// texasperformingarts.org events ("load more" button), then show times from the UT calendar's JSON-LD. Ranges and
/// the UT time windows are Austin days; a cross-year range starts in the previous year; a show with several times
/// becomes one event per time, the first keeping the unsuffixed id (the old app orphaned it).
/// </summary>
public sealed partial class TexasPerformingArtsScraper(RenderingClient renderer, VenuePageClient client) : RenderedScraper(renderer)
{
    public const string VenueSlug = "bass-concert-hall";
    public const string CalendarUrl = "https://calendar.utexas.edu/bass_concert_hall_performing_arts_center_pac_304";

    public override string Slug => VenueSlug;

    public override RenderPlan Plan { get; } = new("https://texasperformingarts.org/events/events/", WaitFor: ".tpa__event-block", Behaviour: RenderBehaviour.ClickMore,
        CountSelector: ".tpa__event-block", ClickSelector: "#load-more:not([style*='none']) #load-more-btn, #load-more-btn", MaxRounds: 30, RoundWaitMs: 2000);

    public override async Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var listing = Parse(await Renderer.RenderAsync(Plan, ct), now);
        var calendar = await client.GetAsync(CalendarUrl, ct);
        if (!calendar.IsSuccess)
        {
            return listing with { Problems = [.. listing.Problems, $"UT calendar answered {(int)calendar.Status}; default show times kept"] };
        }

        return WithCalendarTimes(listing, calendar.Body, now);
    }

    public override ParseResult Parse(IReadOnlyList<string> pages, DateTimeOffset now)
    {
        var doc = Html.Parse(pages[0]);
        var blocks = doc.QuerySelectorAll(".tpa__event-block");
        if (blocks.Length == 0)
        {
            throw new ScrapeException("No .tpa__event-block entries on the Texas Performing Arts page; the page layout may have changed");
        }

        var events = new List<ScrapedEvent>();
        var problems = new List<string>();
        foreach (var block in blocks)
        {
            var url = block.QuerySelector(".eb-item__link")?.GetAttribute("href");
            var title = Html.Collapse(block.QuerySelector(".eb-item__artist").Text());
            var dateText = block.QuerySelector(".eb-item__date").Text();
            if (title.Length == 0 || url is null)
            {
                continue;
            }

            (DateOnly Start, DateOnly? End)? range;
            try
            {
                range = Range(dateText);
            }
            catch (FormatException)
            {
                range = null;
            }

            if (range is null)
            {
                problems.Add($"Unparseable date '{dateText}' for '{title}'");
                continue;
            }

            var location = block.QuerySelector(".eb-item__location").Text();
            var presenter = block.QuerySelector(".eb-item__presenter").Text();
            var image = block.QuerySelector("img[data-src]") is { } lazy ? lazy.GetAttribute("data-src") : block.QuerySelector("img")?.GetAttribute("src");
            var cancelled = block.ClassList.Contains("tpa--event-status-cancelled");
            events.Add(new ScrapedEvent(SlugFor(location), title, AustinTime.ToUtc(range.Value.Start, 19, 30), block.QuerySelector(".btn-buy")?.GetAttribute("href") ?? url,
                SourceId(url), Category(title, presenter), cancelled ? EventStatus.CANCELLED : Text.StatusFrom(block.QuerySelector(".eb-item__status").Text()),
                Text.NullIfEmpty(presenter), range.Value.End is { } end ? AustinTime.ToUtc(end, 19, 30) : null, image));
        }

        return new ParseResult(events, problems);
    }

    /// <summary>"Nov 29, 2025", "Dec 2 - 14, 2025", "Sep 25 - Nov 30, 2025", "Dec 28, 2025 - Jan 3, 2026" / "Dec 28 - Jan 3, 2026" (cross-year).</summary>
    public static (DateOnly Start, DateOnly? End)? Range(string text)
    {
        var t = Html.Collapse(text).Replace('–', '-').Replace('—', '-');
        var parts = t.Split(" - ", 2, StringSplitOptions.TrimEntries);
        var end = MonthDayYear().Match(parts[^1]);
        if (parts.Length == 1)
        {
            return end.Success && Date(end.Groups[1].Value, end.Groups[2].Value, end.Groups[3].Value) is { } single ? (single, null) : null;
        }

        var endYear = YearOnly().Match(parts[1]);
        if (!endYear.Success)
        {
            return null;
        }

        var startMatch = MonthDayYear().Match(parts[0]);
        var startMonth = startMatch.Success ? startMatch.Groups[1].Value : null;
        var startDay = startMatch.Success ? startMatch.Groups[2].Value : null;
        string? endMonth;
        string endDay;
        if (LettersInEnd().IsMatch(parts[1]))
        {
            var m = MonthDayYear().Match(parts[1]);
            if (!m.Success)
            {
                return null;
            }

            endMonth = m.Groups[1].Value;
            endDay = m.Groups[2].Value;
        }
        else
        {
            endMonth = startMonth;
            endDay = DayOnly().Match(parts[1]).Value;
        }

        if (startMonth is null || endMonth is null || endDay.Length == 0)
        {
            return null;
        }

        var y = RenderedDates.Int(endYear.Value);
        var endDate = Date(endMonth, endDay, y.ToString(CultureInfo.InvariantCulture));
        var startYear = startMatch.Groups[3].Success ? RenderedDates.Int(startMatch.Groups[3].Value)
            : DateText.Month(startMonth) > DateText.Month(endMonth) ? y - 1 : y; // "Dec 28 - Jan 3, 2026" starts in 2025
        var startDate = Date(startMonth, startDay!, startYear.ToString(CultureInfo.InvariantCulture));
        return startDate is null || endDate is null ? null : (startDate.Value, endDate);
    }

    private static DateOnly? Date(string month, string day, string year) =>
        DateText.Month(month) is { } m && int.TryParse(day, out var d) && int.TryParse(year, out var y) && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    /// <summary>UT calendar JSON-LD times: each event gets the future times on its Austin days; several times, several events.</summary>
    public static ParseResult WithCalendarTimes(ParseResult listing, string calendarHtml, DateTimeOffset now)
    {
        var ld = JsonLd.Events(Html.Parse(calendarHtml));
        var times = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
        foreach (var e in ld.Events)
        {
            if (JsonLd.Str(e, "name") is not { } name || JsonLd.Str(e, "startDate") is not { } startText)
            {
                continue;
            }

            DateTime start;
            try
            {
                start = JsonLd.ParseDate(startText, defaultHour: 19);
            }
            catch (DateParseException)
            {
                continue;
            }

            if (start > now.UtcDateTime)
            {
                var key = TitleNormalizer.Normalize(name);
                (times.TryGetValue(key, out var list) ? list : times[key] = []).Add(start);
            }
        }

        var result = new List<ScrapedEvent>();
        foreach (var e in listing.Events)
        {
            var first = AustinTime.LocalDate(e.StartDateTime);
            var last = e.EndDateTime is { } end ? AustinTime.LocalDate(end) : first;
            var matching = (times.TryGetValue(TitleNormalizer.Normalize(e.Title), out var list) ? list : [])
                .Where(t => AustinTime.LocalDate(t) >= first && AustinTime.LocalDate(t) <= last)
                .Distinct().Order().ToList();
            if (matching.Count == 0)
            {
                result.Add(e);
                continue;
            }

            result.Add(e with { StartDateTime = matching[0], EndDateTime = null });
            foreach (var t in matching.Skip(1))
            {
                var local = AustinTime.ToLocal(t);
                result.Add(e with
                {
                    StartDateTime = t,
                    EndDateTime = null,
                    SourceEventId = e.SourceEventId is null ? null : $"{e.SourceEventId}-{local:yyyyMMdd-HHmm}",
                });
            }
        }

        return new ParseResult(result, listing.Problems);
    }

    private static string SlugFor(string location)
    {
        var l = location.ToLowerInvariant();
        return l.Contains("mccullough", StringComparison.Ordinal) ? "mccullough-theatre"
            : l.Contains("bates recital", StringComparison.Ordinal) ? "bates-recital-hall"
            : l.Contains("wildflower", StringComparison.Ordinal) ? "lady-bird-wildflower-center"
            : VenueSlug;
    }

    private static string SourceId(string url)
    {
        if (EventSlug().Match(url) is { Success: true } m)
        {
            return "tpa-" + m.Groups[1].Value;
        }

        var path = Regex.Replace(url, "^https?://[^/]+", string.Empty).TrimEnd('/');
        var id = "tpa-" + path;
        return id.Length > 100 ? id[..100] : id;
    }

    private static EventCategory Category(string title, string presenter) =>
        Text.HasAny(presenter, "broadway") ? EventCategory.THEATER
        : Text.HasAny(title, "dance", "ballet") ? EventCategory.THEATER
        : Text.HasAny(title, "in concert", "screening", "film", "movie") ? EventCategory.MOVIE
        : Text.HasAny(title, "conversation", "trivia") ? EventCategory.COMEDY
        : Text.HasAny(title, "cirque", "circus") ? EventCategory.THEATER
        : Text.HasAny(title, "orchestra", "symphony", "quartet", "brass") || Text.HasAny(presenter, "music") ? EventCategory.CONCERT
        : EventCategory.THEATER;

    [GeneratedRegex(@"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\d{4}\s*$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^\s*\d{1,2}")]
    private static partial Regex DayOnly();

    [GeneratedRegex(@"^\s*[A-Za-z]")]
    private static partial Regex LettersInEnd();

    [GeneratedRegex(@"/event/([^/?#]+)/?$")]
    private static partial Regex EventSlug();
}
