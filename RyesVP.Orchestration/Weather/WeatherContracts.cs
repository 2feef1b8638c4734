using RyesVP.Domain.Weather;

namespace RyesVP.Orchestration.Weather;

public sealed record PlanWeatherInput(DateTimeOffset AsOf);

public sealed record WeatherFailure(double Lat, double Lng, string Message);

/// <summary>The weather-precache summary.</summary>
public sealed record WeatherSummary(int EventsChecked, int Locations, int DatesCached, int Skipped, int ApiCalls, int Errors, IReadOnlyList<WeatherFailure> Failures)
{
    public static WeatherSummary From(WeatherPlan plan, IReadOnlyList<WeatherLocationResult> results) => new(
        plan.EventsChecked,
        plan.Locations.Count,
        results.Sum(r => r.DatesCached),
        plan.Skipped,
        results.Sum(r => r.ApiCalls),
        results.Count(r => r.Error is not null),
        results.Where(r => r.Error is not null).Select(r => new WeatherFailure(r.Lat, r.Lng, r.Error!)).ToList());
}
