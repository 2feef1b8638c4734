namespace RyesVP.Domain.Weather;

/// <summary>A rounded location and the Austin dates with events there that need a forecast.</summary>
public sealed record WeatherLocation(double Lat, double Lng, IReadOnlyList<string> Dates);

public sealed record WeatherPlan(int EventsChecked, int Skipped, IReadOnlyList<WeatherLocation> Locations, string? SkipReason = null);

public sealed record WeatherLocationResult(double Lat, double Lng, int DatesCached, int ApiCalls, string? Error);
