using System.Net;
using System.Text.RegularExpressions;
using RyesVP.Domain.Events;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues;

/// <summary>moodycenteratx.com: The Events Calendar pages with JSON-LD, paged up to 30 pages.</summary>
public sealed partial class MoodyCenterScraper(VenuePageClient client) : IVenueScraper
{
    public const string VenueSlug = "moody-center";
    public const string FirstPage = "https://moodycenteratx.com/events/?hide_subsequent_recurrences=1";
    public const int MaxPages = 30;

    public string Slug => VenueSlug;

    public static string PageUrl(int page) => page == 1
        ? FirstPage
        : $"https://moodycenteratx.com/events/photo/page/{page}/?hide_subsequent_recurrences=1";

    public async Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var pages = new List<ParseResult> { Parse(await client.GetRequiredAsync(FirstPage, ct), now) };
        for (var page = 2; page <= MaxPages && pages[^1].Events.Count > 0; page++)
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

            pages.Add(Parse(response.Body, now));
        }

        return ParseResult.Combine(pages);
    }

    public static ParseResult Parse(string html, DateTimeOffset now)
    {
        var doc = Html.Parse(html);
        var ld = JsonLd.Events(doc);
        if (ld.Scripts == 0)
        {
            throw new ScrapeException("No JSON-LD on the Moody Center listing; the page layout may have changed");
        }

        var events = new List<ScrapedEvent>();
        var problems = new List<string>(ld.Problems);
        foreach (var item in ld.Events)
        {
            var title = Html.Collapse(JsonLd.Str(item, "name"));
            var start = JsonLd.Str(item, "startDate");
            if (title.Length == 0 || start is null)
            {
                problems.Add($"Event without name or startDate skipped ('{title}')");
                continue;
            }

            try
            {
                var url = JsonLd.Str(item, "url");
                var end = JsonLd.Str(item, "endDate");
                events.Add(new ScrapedEvent(
                    VenueSlug,
                    WebUtility.HtmlDecode(title),
                    JsonLd.ParseDate(start),
                    url,
                    url is null ? null : NumericSegment().Match(url) is { Success: true } m ? m.Groups[1].Value : null,
                    Category(url),
                    JsonLd.Status(item),
                    Description(JsonLd.Str(item, "description")),
                    end is null ? null : JsonLd.ParseDate(end),
                    JsonLd.Image(item)));
            }
            catch (DateParseException ex)
            {
                problems.Add($"{ex.Message} for '{title}'");
            }
        }

        return new ParseResult(events, problems);
    }

    private static string? Description(string? html)
    {
        var text = Html.StripTags(html);
        if (text.Length == 0)
        {
            return null;
        }

        var vs = TexasVs().Match(text);
        if (vs.Success)
        {
            return "vs. " + vs.Groups[1].Value.Trim();
        }

        return text.Length > 200 ? text[..200] : text;
    }

    // The old scraper returned OTHER for basketball while its comment said Sports; SPORTS is what was meant.
    private static EventCategory Category(string? url) =>
        Text.HasAny(url, "basketball", "-mbb", "-wbb") ? EventCategory.SPORTS
        : Text.HasAny(url, "comedy") ? EventCategory.COMEDY
        : Text.HasAny(url, "concert", "music") ? EventCategory.CONCERT
        : EventCategory.OTHER;

    // Kept exactly as the old app formed ids (first purely numeric path segment) so existing rows match.
    [GeneratedRegex(@"/(\d+)/")]
    private static partial Regex NumericSegment();

    [GeneratedRegex(@"Texas vs\.\s*(.+?)\s+at Moody Center", RegexOptions.IgnoreCase)]
    private static partial Regex TexasVs();
}
