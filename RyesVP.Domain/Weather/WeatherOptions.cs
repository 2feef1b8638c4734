using System.ComponentModel.DataAnnotations;

namespace RyesVP.Domain.Weather;

public sealed class WeatherOptions
{
    public const string SectionName = "Weather";

    /// <summary>Google Weather API base, with the trailing slash (tests point it at a fake).</summary>
    [Required]
    public string BaseUrl { get; set; } = "https://weather.googleapis.com/v1/";

    /// <summary>A cached (location, date) younger than this is not fetched again.</summary>
    [Range(0, 24 * 60)]
    public int CacheTtlMinutes { get; set; } = 60;

    /// <summary>How far ahead events get a forecast (the API's limit is 10 days).</summary>
    [Range(1, 10)]
    public int ForecastDays { get; set; } = 10;
}
