using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Ticketmaster;

/// <summary>Maps one Discovery API event to a cache row. Pure, so every field rule is tested on JSON.</summary>
public static partial class TmEventParser
{
    private static readonly string[] LinkKinds = ["spotify", "youtube", "instagram", "facebook", "twitter", "homepage", "wiki"];

    /// <summary>The row, or null when the event has no local date (the web app keys lookups by it).</summary>
    public static TmCacheRow? Parse(JsonElement e, string venueSlug, string tmVenueId)
    {
        var id = Str(e, "id");
        var name = Str(e, "name");
        var dates = Obj(e, "dates");
        var start = Obj(dates, "start");
        var localDate = Str(start, "localDate");
        if (id is null || name is null || localDate is null
            || !DateOnly.TryParseExact(localDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        var venue = Obj(e, "_embedded") is { ValueKind: JsonValueKind.Object } embedded && embedded.TryGetProperty("venues", out var venues)
            && venues.ValueKind == JsonValueKind.Array && venues.GetArrayLength() > 0 ? venues[0] : default;
        var timezone = Str(dates, "timezone") ?? Str(venue, "timezone");
        var attractions = Obj(e, "_embedded") is { ValueKind: JsonValueKind.Object } emb && emb.TryGetProperty("attractions", out var a)
            && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];
        var classification = PrimaryClassification(e);
        var sales = Obj(e, "sales");
        var publicSale = Obj(sales, "public");

        return new TmCacheRow
        {
            Id = id,
            VenueSlug = venueSlug,
            TmVenueId = tmVenueId,
            Name = name,
            Url = Str(e, "url"),
            LocalDate = localDate,
            StartDateTime = Instant(Str(start, "dateTime")) ?? LocalStart(day, Str(start, "localTime"), timezone),
            EndDateTime = Instant(Str(Obj(dates, "end"), "dateTime")),
            Timezone = timezone,
            SpanMultipleDays = Obj(dates, "spanMultipleDays") is { ValueKind: JsonValueKind.True },
            OnSaleStart = Instant(Str(publicSale, "startDateTime")),
            OnSaleEnd = Instant(Str(publicSale, "endDateTime")),
            Presales = Obj(sales, "presales") is { ValueKind: JsonValueKind.Array } presales ? JsonNode.Parse(presales.GetRawText()) as JsonArray : null,
            ImageUrl = BestImage(e),
            SeatmapUrl = Str(Obj(e, "seatmap"), "staticUrl"),
            AttractionId = attractions.Count > 0 ? Str(attractions[0], "id") : null,
            AttractionName = attractions.Count > 0 ? Str(attractions[0], "name") : null,
            SupportingActs = attractions.Skip(1).Select(x => Str(x, "name")).OfType<string>().ToList(),
            ExternalLinks = Links(Obj(e, "externalLinks")),
            Genre = Str(Obj(classification, "genre"), "name"),
            SubGenre = Str(Obj(classification, "subGenre"), "name"),
            Segment = Str(Obj(classification, "segment"), "name"),
            PromoterId = Str(Obj(e, "promoter"), "id"),
            PromoterName = Str(Obj(e, "promoter"), "name"),
            Status = Str(Obj(dates, "status"), "code"),
            Info = Str(e, "info"),
            PleaseNote = Str(e, "pleaseNote"),
            TicketLimit = TicketLimit(e),
        };
    }

    /// <summary>16:9 first, then the largest (the web app's rule).</summary>
    private static string? BestImage(JsonElement e)
    {
        if (Obj(e, "images") is not { ValueKind: JsonValueKind.Array } images)
        {
            return null;
        }

        var all = images.EnumerateArray().Where(i => Str(i, "url") is not null).ToList();
        var wide = all.FirstOrDefault(i => Str(i, "ratio") == "16_9");
        if (wide.ValueKind == JsonValueKind.Object)
        {
            return Str(wide, "url");
        }

        return all.OrderByDescending(i => Num(i, "width") * Num(i, "height")).Select(i => Str(i, "url")).FirstOrDefault();
    }

    private static JsonElement PrimaryClassification(JsonElement e)
    {
        if (Obj(e, "classifications") is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() == 0)
        {
            return default;
        }

        var items = list.EnumerateArray().ToList();
        return items.FirstOrDefault(c => Obj(c, "primary").ValueKind == JsonValueKind.True) is { ValueKind: JsonValueKind.Object } primary ? primary : items[0];
    }

    private static JsonObject? Links(JsonElement links)
    {
        if (links.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var kind in LinkKinds)
        {
            if (links.TryGetProperty(kind, out var list) && list.ValueKind == JsonValueKind.Array
                && list.EnumerateArray().Select(l => Str(l, "url")).FirstOrDefault(u => u is not null) is { } url)
            {
                result[kind] = url;
            }
        }

        return result.Count > 0 ? result : null;
    }

    /// <summary>A number under accessibility.ticketLimit, else the number in ticketLimit.info ("an overall 8 ticket limit").</summary>
    private static int? TicketLimit(JsonElement e)
    {
        if (Obj(Obj(e, "accessibility"), "ticketLimit") is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var limit))
        {
            return limit;
        }

        return Str(Obj(e, "ticketLimit"), "info") is { } info && LimitNumber().Match(info) is { Success: true } m
            && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>A start without dateTime: the local date and time in the venue's zone (the old app used UTC midnight).</summary>
    private static DateTime LocalStart(DateOnly day, string? localTime, string? timezone)
    {
        var time = localTime is not null && TimeOnly.TryParseExact(localTime, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : TimeOnly.MinValue;
        var zone = AustinTime.Zone;
        if (timezone is not null && timezone != "America/Chicago" && TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out var other))
        {
            zone = other;
        }

        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static DateTime? Instant(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null;

    private static JsonElement Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    private static string? Str(JsonElement e, string name) =>
        Obj(e, name) is { ValueKind: JsonValueKind.String } v && v.GetString() is { Length: > 0 } s ? s : null;

    private static double Num(JsonElement e, string name) =>
        Obj(e, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : 0;

    [GeneratedRegex(@"(\d+)\s*ticket", RegexOptions.IgnoreCase)]
    private static partial Regex LimitNumber();
}
