using System.Net;
using RyesVP.Domain.Events;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues;

/// <summary>thelongcenter.org: JSON-LD per event, with unpadded dates ("2025-12-5T19:30-6:00").</summary>
public sealed class LongCenterScraper(VenuePageClient client) : IVenueScraper
{
    public const string VenueSlug = "long-center";
    public const string ListingUrl = "https://thelongcenter.org/events/";
    private static readonly string[] Halls = ["Dell Hall", "Rollins Studio Theatre", "Long Center Terrace"];

    public string Slug => VenueSlug;

    public async Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct) =>
        Parse(await client.GetRequiredAsync(ListingUrl, ct), now);

    public static ParseResult Parse(string html, DateTimeOffset now)
    {
        var doc = Html.Parse(html);
        var ld = JsonLd.Events(doc);
        if (ld.Scripts == 0)
        {
            throw new ScrapeException("No JSON-LD on the Long Center listing; the page layout may have changed");
        }

        var todayStart = AustinTime.StartOfDayUtc(AustinTime.Today(now));
        var seen = new HashSet<string>();
        var events = new List<ScrapedEvent>();
        var problems = new List<string>(ld.Problems);
        foreach (var item in ld.Events)
        {
            var title = WebUtility.HtmlDecode(Html.Collapse(JsonLd.Str(item, "name")));
            var url = JsonLd.Str(item, "url");
            var startText = JsonLd.Str(item, "startDate");
            if (title.Length == 0 || startText is null)
            {
                problems.Add($"Event without name or startDate skipped ('{title}')");
                continue;
            }

            if (url is not null && !seen.Add(url))
            {
                continue;
            }

            DateTime start;
            DateTime? end;
            try
            {
                start = JsonLd.ParseDate(startText);
                end = JsonLd.Str(item, "endDate") is { } e ? JsonLd.ParseDate(e) : null;
            }
            catch (DateParseException ex)
            {
                problems.Add($"{ex.Message} for '{title}'");
                continue;
            }

            if (start < todayStart)
            {
                continue;
            }

            var description = Html.StripTags(JsonLd.Str(item, "description"));
            if (description.Length > 500)
            {
                description = description[..497] + "...";
            }

            var hall = LocationName(item);
            if (hall is not null && Halls.Contains(hall))
            {
                description = $"[{hall}] {description}".TrimEnd();
            }

            events.Add(new ScrapedEvent(
                VenueSlug,
                title,
                start,
                url,
                JsonLd.Str(item, "@id") ?? (url is null ? null : $"longcenter-{url}"),
                EventCategory.OTHER,
                JsonLd.Status(item),
                Text.NullIfEmpty(description),
                end,
                JsonLd.Image(item)));
        }

        return new ParseResult(events, problems);
    }

    private static string? LocationName(System.Text.Json.JsonElement item)
    {
        if (!item.TryGetProperty("location", out var location))
        {
            return null;
        }

        var first = location.ValueKind == System.Text.Json.JsonValueKind.Array ? location.EnumerateArray().FirstOrDefault() : location;
        return first.ValueKind == System.Text.Json.JsonValueKind.Object ? JsonLd.Str(first, "name") : null;
    }
}
