using System.Text.RegularExpressions;
using RyesVP.Domain.Events;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>JSON-LD events as the LiveNation and DICE pages embed them, and the one id rule for every extraction path.</summary>
internal static partial class LiveNationJsonLd
{
    public sealed record Item(string Title, DateTime Start, string? Url, string? Id, string? Image, string? Description, EventStatus Status);

    public static List<Item> Read(string html, DateTimeOffset now, List<string> problems)
    {
        var ld = JsonLd.Events(Html.Parse(html));
        problems.AddRange(ld.Problems);
        var cutoff = RenderedDates.Cutoff(now);
        var items = new List<Item>();
        foreach (var e in ld.Events)
        {
            var title = Html.Collapse(JsonLd.Str(e, "name"));
            var startText = JsonLd.Str(e, "startDate");
            if (title.Length == 0 || startText is null)
            {
                continue;
            }

            DateTime start;
            try
            {
                start = JsonLd.ParseDate(startText, defaultHour: 20);
            }
            catch (Time.DateParseException ex)
            {
                problems.Add($"{ex.Message} for '{title}'");
                continue;
            }

            if (start < cutoff)
            {
                continue;
            }

            var url = JsonLd.Str(e, "url");
            items.Add(new Item(title, start, url, StableId(url, JsonLd.Str(e, "identifier")), JsonLd.Image(e), Text.NullIfEmpty(JsonLd.Str(e, "description")), JsonLd.Status(e)));
        }

        return items;
    }

    /// <summary>
    /// The same show gets the same id whichever path found it (the old scrapers' JSON-LD and DOM paths disagreed):
    /// the Ticketmaster event id or the /event/{x} segment of its link, else the feed's identifier.
    /// </summary>
    public static string? StableId(string? url, string? identifier = null)
    {
        if (url is not null && EventSegment().Match(url) is { Success: true } m)
        {
            return m.Groups[1].Value;
        }

        if (!string.IsNullOrWhiteSpace(identifier))
        {
            return identifier.Trim();
        }

        return url is null ? null : url.Split('?', '#')[0].TrimEnd('/').Split('/')[^1] is { Length: > 0 } last ? last : null;
    }

    [GeneratedRegex(@"/(?:event|shows)/([A-Za-z0-9_-]+)/?(?:[?#]|$)")]
    private static partial Regex EventSegment();

    public static EventCategory Category(string title) =>
        Text.HasAny(title, "comedy", "stand-up", "comedian") ? EventCategory.COMEDY
        : Text.HasAny(title, "festival", " fest") ? EventCategory.FESTIVAL
        : EventCategory.CONCERT;
}
