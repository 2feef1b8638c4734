using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using RyesVP.Domain.Events;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping;

/// <summary>schema.org events embedded as JSON-LD, whatever the root shape (array, @graph, single object).</summary>
public static partial class JsonLd
{
    public sealed record Result(IReadOnlyList<JsonElement> Events, int Scripts, IReadOnlyList<string> Problems);

    public static Result Events(IDocument document)
    {
        var events = new List<JsonElement>();
        var problems = new List<string>();
        var scripts = document.QuerySelectorAll("script[type='application/ld+json']");
        foreach (var script in scripts)
        {
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException ex)
            {
                problems.Add($"Unreadable JSON-LD block: {ex.Message}");
                continue;
            }

            Collect(json.RootElement.Clone(), events);
            json.Dispose();
        }

        return new Result(events, scripts.Length, problems);
    }

    private static void Collect(JsonElement node, List<JsonElement> into)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Collect(item, into);
                }

                break;
            case JsonValueKind.Object:
                if (IsEvent(node))
                {
                    into.Add(node);
                }
                else if (node.TryGetProperty("@graph", out var graph))
                {
                    Collect(graph, into);
                }
                else if (node.TryGetProperty("itemListElement", out var list))
                {
                    // ItemList of ListItem { item: Event }
                    foreach (var li in list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : Enumerable.Empty<JsonElement>())
                    {
                        Collect(li.ValueKind == JsonValueKind.Object && li.TryGetProperty("item", out var inner) ? inner : li, into);
                    }
                }

                break;
        }
    }

    /// <summary>Event or one of its subtypes (MusicEvent, ComedyEvent, TheaterEvent, SportsEvent, Festival, …).</summary>
    public static bool IsEvent(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        IEnumerable<string> types = type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!),
            _ => [],
        };
        return types.Select(t => t.Replace("http://schema.org/", string.Empty, StringComparison.Ordinal).Replace("https://schema.org/", string.Empty, StringComparison.Ordinal))
            .Any(t => t == "Event" || t == "Festival" || t == "EventSeries" || (t.EndsWith("Event", StringComparison.Ordinal) && t.Length > 5));
    }

    public static string? Str(JsonElement node, string name)
    {
        if (!node.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>image as a string, an ImageObject, or an array of either.</summary>
    public static string? Image(JsonElement node)
    {
        if (!node.TryGetProperty("image", out var image))
        {
            return null;
        }

        return ImageOf(image);

        static string? ImageOf(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Object => Str(e, "url") ?? Str(e, "contentUrl"),
            JsonValueKind.Array => e.EnumerateArray().Select(ImageOf).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
            _ => null,
        };
    }

    public static EventStatus Status(JsonElement node)
    {
        var status = Str(node, "eventStatus") ?? string.Empty;
        if (status.Contains("Cancelled", StringComparison.OrdinalIgnoreCase) || status.Contains("Canceled", StringComparison.OrdinalIgnoreCase))
        {
            return EventStatus.CANCELLED;
        }

        return status.Contains("Postponed", StringComparison.OrdinalIgnoreCase) ? EventStatus.POSTPONED : EventStatus.SCHEDULED;
    }

    /// <summary>
    /// An ISO-8601 date from JSON-LD as a UTC instant. An explicit offset is honoured; a time without one is Austin
    /// wall-clock (the old app trusted new Date(), which reads such strings in the server's zone); a bare date gets
    /// <paramref name="defaultHour"/> Austin time. Also accepts the unpadded "2025-12-5T19:30-6:00" some sites emit.
    /// </summary>
    public static DateTime ParseDate(string value, int defaultHour = 19)
    {
        var m = IsoLoose().Match(value.Trim());
        if (!m.Success)
        {
            throw new DateParseException($"Unparseable date '{value}'");
        }

        int G(string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        var year = G("y");
        var month = G("mo");
        var day = G("d");
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw new DateParseException($"Unparseable date '{value}'");
        }

        if (!m.Groups["h"].Success)
        {
            return AustinTime.ToUtc(year, month, day, defaultHour, 0);
        }

        var hour = G("h");
        var minute = G("mi");
        var second = m.Groups["s"].Success ? G("s") : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            throw new DateParseException($"Unparseable date '{value}'");
        }

        var wall = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (m.Groups["z"].Success)
        {
            return DateTime.SpecifyKind(wall, DateTimeKind.Utc);
        }

        if (m.Groups["oh"].Success)
        {
            var sign = m.Groups["sign"].Value == "-" ? -1 : 1;
            var offset = new TimeSpan(G("oh"), m.Groups["om"].Success ? G("om") : 0, 0) * sign;
            return DateTime.SpecifyKind(wall - offset, DateTimeKind.Utc);
        }

        return AustinTime.ToUtc(year, month, day, hour, minute).AddSeconds(second);
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?(?:(?<z>Z)|(?<sign>[+-])(?<oh>\d{1,2})(?::?(?<om>\d{2}))?)?)?$")]
    private static partial Regex IsoLoose();
}
