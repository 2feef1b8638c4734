namespace RyesVP.Domain.Jobs;

public static class JobNames
{
    public const string Scrape = "scrape";
    public const string TmDownload = "tm-download";
    public const string Enrich = "enrich";
    public const string TmMatch = "tm-match";
    public const string WeatherPrecache = "weather-precache";
    public const string Daily = "daily";

    /// <summary>The steps of the daily run in order.</summary>
    public static readonly IReadOnlyList<string> DailySteps = [Scrape, TmDownload, Enrich, TmMatch, WeatherPrecache];

    public static readonly IReadOnlyList<string> All = [.. DailySteps, Daily];
}
