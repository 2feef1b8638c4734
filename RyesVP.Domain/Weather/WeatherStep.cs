using System.Globalization;
using Microsoft.Extensions.Options;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Weather;

/// <summary>
/// The weather-precache step: one forecast call per rounded location covers every date there (the old job made
/// one call per location and date), keyed by the Austin date the web app looks up (the old job used the UTC date).
/// </summary>
public sealed class WeatherStep(WeatherCacheStore cache, GoogleWeatherClient client, IOptions<WeatherOptions> options)
{
    public bool HasKey => client.HasKey;

    /// <summary>The web app's rounding: JavaScript Math.round(x * 100) / 100 (halves towards +∞).</summary>
    public static double Round(double x) => Math.Floor((x * 100) + 0.5) / 100;

    public async Task<WeatherPlan> PlanAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        if (!client.HasKey)
        {
            return new WeatherPlan(0, 0, [], $"skipped: {GoogleWeatherClient.KeySetting} not set");
        }

        var o = options.Value;
        var now = asOf.UtcDateTime;
        var events = await cache.EventsBetweenAsync(now, now.AddDays(o.ForecastDays), ct);
        var fresh = await cache.FreshSinceAsync(now.AddMinutes(-o.CacheTtlMinutes), ct);
        var wanted = events
            .Select(e => (Lat: Round(e.Lat), Lng: Round(e.Lng), Date: AustinTime.LocalDate(e.StartDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Distinct()
            .ToList();
        var skipped = wanted.Count(w => fresh.Contains(w));
        var locations = wanted.Where(w => !fresh.Contains(w))
            .GroupBy(w => (w.Lat, w.Lng))
            .Select(g => new WeatherLocation(g.Key.Lat, g.Key.Lng, g.Select(x => x.Date).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return new WeatherPlan(events.Count, skipped, locations);
    }

    /// <summary>Fetches one location's forecast and caches the wanted dates it covers. API refusals are results; outages throw (retried).</summary>
    public async Task<WeatherLocationResult> RunLocationAsync(WeatherLocation location, CancellationToken ct)
    {
        IReadOnlyList<ForecastDay> days;
        try
        {
            days = await client.ForecastDaysAsync(location.Lat, location.Lng, options.Value.ForecastDays, ct);
        }
        catch (WeatherApiException ex) when (!ex.IsTransient)
        {
            return new WeatherLocationResult(location.Lat, location.Lng, 0, 1, ex.Message);
        }

        var wanted = location.Dates.ToHashSet(StringComparer.Ordinal);
        var matching = days.Where(d => wanted.Contains(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
        var written = await cache.UpsertAsync(location.Lat, location.Lng, matching, ct);
        var missing = location.Dates.Count - matching.Count;
        return new WeatherLocationResult(location.Lat, location.Lng, written, 1,
            missing > 0 ? $"no forecast for {missing} of {location.Dates.Count} dates" : null);
    }
}
