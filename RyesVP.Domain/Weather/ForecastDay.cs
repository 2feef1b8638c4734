namespace RyesVP.Domain.Weather;

/// <summary>One day of a forecast, already in the WeatherCache's units (°F rounded, percent, mph).</summary>
public sealed record ForecastDay(
    DateOnly Date,
    int TempHigh,
    int TempLow,
    int FeelsLikeHigh,
    int FeelsLikeLow,
    int PrecipChance,
    int Humidity,
    int UvIndex,
    int WindSpeed,
    string Condition,
    string ConditionIcon);
