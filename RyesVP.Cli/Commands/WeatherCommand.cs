using System.Globalization;
using RyesVP.Domain.Weather;

namespace RyesVP.Cli.Commands;

internal static class WeatherCommand
{
    /// <summary>ryesvp weather --lat L --lng L [--date YYYY-MM-DD]: one forecast, printed, nothing written.</summary>
    public static async Task<int> RunAsync(Args args, IServiceProvider services, CancellationToken ct)
    {
        if (!double.TryParse(args.Value("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90 ||
            !double.TryParse(args.Value("lng"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lng) || lng is < -180 or > 180)
        {
            Console.Error.WriteLine("usage: ryesvp weather --lat <-90..90> --lng <-180..180> [--date YYYY-MM-DD]");
            return 2;
        }

        DateOnly? date = null;
        if (args.Value("date") is { } d)
        {
            if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Console.Error.WriteLine($"date must be YYYY-MM-DD (got '{d}')");
                return 2;
            }

            date = parsed;
        }

        var client = services.GetRequiredService<GoogleWeatherClient>();
        if (!client.HasKey)
        {
            Console.Error.WriteLine($"{GoogleWeatherClient.KeySetting} not set");
            return 2;
        }

        var (rLat, rLng) = (WeatherStep.Round(lat), WeatherStep.Round(lng));
        var days = await client.ForecastDaysAsync(rLat, rLng, 10, ct);
        var shown = date is null ? days : days.Where(x => x.Date == date).ToList();
        if (shown.Count == 0)
        {
            Console.Error.WriteLine($"No forecast for {date:yyyy-MM-dd} at ({rLat}, {rLng}); the forecast covers {string.Join(", ", days.Select(x => x.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}");
            return 1;
        }

        Report.Json(new { lat = rLat, lng = rLng, days = shown }, Console.Out);
        return 0;
    }
}
