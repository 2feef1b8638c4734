using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace RyesVP.Domain.Weather;

/// <summary>Typed client for Google Weather forecast.days:lookup. One call covers up to 10 days.</summary>
public sealed class GoogleWeatherClient(HttpClient http, IConfiguration configuration)
{
    public const string KeySetting = "GOOGLE_API_KEY";

    public bool HasKey => !string.IsNullOrWhiteSpace(configuration[KeySetting]);

    public async Task<IReadOnlyList<ForecastDay>> ForecastDaysAsync(double lat, double lng, int days, CancellationToken ct)
    {
        var key = configuration[KeySetting];
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"{KeySetting} not set");
        }

        var result = new List<ForecastDay>();
        string? pageToken = null;
        do
        {
            // pageSize matters: the API pages at 5 days by default.
            var url = "forecast/days:lookup?key=" + Uri.EscapeDataString(key)
                + "&location.latitude=" + lat.ToString(CultureInfo.InvariantCulture)
                + "&location.longitude=" + lng.ToString(CultureInfo.InvariantCulture)
                + $"&days={days}&pageSize={days}&unitsSystem=IMPERIAL"
                + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
            using var response = await http.GetAsync(url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new WeatherApiException($"Weather API answered {(int)response.StatusCode}: {ErrorText(body)}", (int)response.StatusCode);
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new WeatherApiException($"Weather API answered unreadable JSON: {ex.Message}", (int)response.StatusCode);
            }

            using (doc)
            {
                if (doc.RootElement.TryGetProperty("forecastDays", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    result.AddRange(list.EnumerateArray().Select(Map).OfType<ForecastDay>());
                }

                pageToken = doc.RootElement.TryGetProperty("nextPageToken", out var t) && t.GetString() is { Length: > 0 } next ? next : null;
            }
        }
        while (pageToken is not null && result.Count < days);

        return result;
    }

    private static ForecastDay? Map(JsonElement d)
    {
        if (!d.TryGetProperty("displayDate", out var date))
        {
            return null;
        }

        var day = d.TryGetProperty("daytimeForecast", out var part) ? part : default;
        var condition = day.ValueKind == JsonValueKind.Object && day.TryGetProperty("weatherCondition", out var c) ? c : default;
        return new ForecastDay(
            new DateOnly(date.GetProperty("year").GetInt32(), date.GetProperty("month").GetInt32(), date.GetProperty("day").GetInt32()),
            Degrees(d, "maxTemperature"),
            Degrees(d, "minTemperature"),
            Degrees(d, "feelsLikeMaxTemperature", "maxTemperature"),
            Degrees(d, "feelsLikeMinTemperature", "minTemperature"),
            Number(day, "precipitation", "probability", "percent"),
            Number(day, "relativeHumidity"),
            Number(day, "uvIndex"),
            Number(day, "wind", "speed", "value"),
            Text(condition, "description", "text") ?? "Unknown",
            (Text(condition, "iconBaseUri") ?? "https://maps.gstatic.com/weather/v1/cloudy") + ".svg");
    }

    private static int Degrees(JsonElement d, string name, string? fallback = null) =>
        d.TryGetProperty(name, out var t) && t.TryGetProperty("degrees", out var deg) ? JsRound(deg.GetDouble())
        : fallback is not null ? Degrees(d, fallback) : 0;

    private static int Number(JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return 0;
            }
        }

        return e.ValueKind == JsonValueKind.Number ? JsRound(e.GetDouble()) : 0;
    }

    private static string? Text(JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    /// <summary>JavaScript Math.round: halves go towards +∞ (the web app computes its values that way).</summary>
    public static int JsRound(double x) => (int)Math.Floor(x + 0.5);

    private static string ErrorText(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var error = doc.RootElement.GetProperty("error");
            return $"{error.GetProperty("status").GetString()} {error.GetProperty("message").GetString()}";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
