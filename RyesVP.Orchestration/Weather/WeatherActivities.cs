using Microsoft.Azure.Functions.Worker;
using RyesVP.Domain.Weather;

namespace RyesVP.Orchestration.Weather;

public sealed class WeatherActivities(WeatherStep step)
{
    [Function(nameof(PlanWeatherPrecache))]
    public Task<WeatherPlan> PlanWeatherPrecache([ActivityTrigger] PlanWeatherInput input, CancellationToken ct) =>
        step.PlanAsync(input.AsOf, ct);

    [Function(nameof(PrecacheWeatherLocation))]
    public Task<WeatherLocationResult> PrecacheWeatherLocation([ActivityTrigger] WeatherLocation input, CancellationToken ct) =>
        step.RunLocationAsync(input, ct);
}
