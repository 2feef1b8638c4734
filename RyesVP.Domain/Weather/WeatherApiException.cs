namespace RyesVP.Domain.Weather;

/// <summary>The Weather API refused a call; the message carries Google's status, never the key.</summary>
public sealed class WeatherApiException(string message, int statusCode) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public bool IsTransient => StatusCode is 429 or >= 500;
}
