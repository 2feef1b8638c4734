using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RyesVP.Domain.Http;

namespace RyesVP.Domain.Ticketmaster;

/// <summary>The one request gate for every Ticketmaster call in this process.</summary>
public sealed class TicketmasterGate(IOptions<TicketmasterOptions> options, TimeProvider time) : RateGate(options.Value.RequestsPerSecond, time);

/// <summary>One page of a venue's events.</summary>
public sealed record TmPage(IReadOnlyList<TmCacheRow> Rows, int WithoutDate, int TotalElements, int TotalPages, int Number);

/// <summary>Typed Discovery API client: event search by venue and window, paced by the shared gate.</summary>
public sealed class TicketmasterClient(HttpClient http, IConfiguration configuration, IOptions<TicketmasterOptions> options, TicketmasterGate gate, TimeProvider time)
{
    public const string KeySetting = "TICKETMASTER_API_KEY";

    private const int MaxRateLimitRetries = 3;

    public bool HasKey => !string.IsNullOrWhiteSpace(configuration[KeySetting]);

    /// <summary>The API's strict timestamp form: no fraction, no offset, a Z.</summary>
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public async Task<TmPage> SearchEventsAsync(string venueSlug, string tmVenueId, DateTime fromUtc, DateTime toUtc, int page, CancellationToken ct)
    {
        var key = configuration[KeySetting];
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"{KeySetting} not set");
        }

        var size = options.Value.PageSize;
        // id,asc is a strict order, so pages neither repeat nor skip events that share a start time (date,asc ties often).
        var url = "events.json?apikey=" + Uri.EscapeDataString(key)
            + "&venueId=" + Uri.EscapeDataString(tmVenueId)
            + "&startDateTime=" + Timestamp(fromUtc)
            + "&endDateTime=" + Timestamp(toUtc)
            + $"&size={size}&page={page}&sort=id,asc&includeTBA=yes&includeTBD=yes&locale=*";
        for (var attempt = 0; ; attempt++)
        {
            await gate.WaitAsync(ct);
            using var response = await http.GetAsync(url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = RateLimitWait(response);
                if (attempt < MaxRateLimitRetries && wait <= TimeSpan.FromSeconds(options.Value.MaxRateLimitWaitSeconds))
                {
                    gate.PauseUntil(time.GetUtcNow() + wait);
                    continue;
                }

                throw new TicketmasterApiException($"Ticketmaster rate limit: {ErrorText(body)} (retry in {wait.TotalSeconds:0} s)", 429, wait <= TimeSpan.FromMinutes(10));
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new TicketmasterApiException($"Ticketmaster rejected {KeySetting} (401 {ErrorText(body)})", 401, false);
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new TicketmasterApiException($"Ticketmaster answered {status}: {ErrorText(body)}", status, status >= 500 || status == 408);
            }

            return ParsePage(body, venueSlug, tmVenueId);
        }
    }

    public static TmPage ParsePage(string body, string venueSlug, string tmVenueId)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var rows = new List<TmCacheRow>();
            var withoutDate = 0;
            if (root.TryGetProperty("_embedded", out var embedded) && embedded.TryGetProperty("events", out var events))
            {
                foreach (var e in events.EnumerateArray())
                {
                    if (TmEventParser.Parse(e, venueSlug, tmVenueId) is { } row)
                    {
                        rows.Add(row);
                    }
                    else
                    {
                        withoutDate++;
                    }
                }
            }

            var pageInfo = root.GetProperty("page");
            return new TmPage(rows, withoutDate, pageInfo.GetProperty("totalElements").GetInt32(), pageInfo.GetProperty("totalPages").GetInt32(), pageInfo.GetProperty("number").GetInt32());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new TicketmasterApiException($"Ticketmaster answered an unreadable page: {ex.Message}", 200, false);
        }
    }

    /// <summary>Retry-After (seconds) if sent, else Rate-Limit-Reset (epoch ms), else one second.</summary>
    private TimeSpan RateLimitWait(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } at ? Max(at - time.GetUtcNow()) : TimeSpan.FromSeconds(1));
        }

        if (response.Headers.TryGetValues("Rate-Limit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, out var epochMs))
        {
            return Max(DateTimeOffset.FromUnixTimeMilliseconds(epochMs) - time.GetUtcNow());
        }

        return TimeSpan.FromSeconds(1);
    }

    private static TimeSpan Max(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.Zero;

    /// <summary>Both error families (gateway faults and Discovery errors), never echoing the key.</summary>
    private static string ErrorText(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.TryGetProperty("fault", out var fault))
            {
                var text = fault.GetProperty("faultstring").GetString() ?? "fault";
                var cut = text.IndexOf("Identifier", StringComparison.OrdinalIgnoreCase);
                return (cut > 0 ? text[..cut].TrimEnd(' ', '.', ':') : text)
                    + (fault.TryGetProperty("detail", out var d) && d.TryGetProperty("errorcode", out var c) ? $" [{c.GetString()}]" : string.Empty);
            }

            if (root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                return $"{first.GetProperty("code").GetString()} {first.GetProperty("detail").GetString()}";
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // fall through: not one of the documented shapes
        }

        return body.Length > 200 ? body[..200] : body;
    }
}
