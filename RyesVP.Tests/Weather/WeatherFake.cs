using System.Globalization;
using System.Text.Json;
using RyesVP.Domain;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RyesVP.Tests.Weather;

/// <summary>Google Weather faked at the HTTP boundary (WireMock on loopback, the real path).</summary>
public sealed class WeatherFake : IDisposable
{
    public const string Key = "TEST_WEATHER_KEY";
    public const string Path = "/v1/forecast/days:lookup";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string BaseUrl => Server.Url + "/v1/";

    public void Answer(string json, int status = 200) =>
        Server.Given(Request.Create().WithPath(Path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    /// <summary>A forecast of <paramref name="days"/> days from <paramref name="first"/>, temperatures rising by day.</summary>
    public static string Forecast(DateOnly first, int days = 10, params DateOnly[] without) => JsonSerializer.Serialize(new
    {
        forecastDays = Enumerable.Range(0, days).Select(i => first.AddDays(i)).Where(d => !without.Contains(d)).Select((d, i) => new
        {
            displayDate = new { year = d.Year, month = d.Month, day = d.Day },
            daytimeForecast = new
            {
                weatherCondition = new { iconBaseUri = "https://maps.gstatic.com/weather/v1/sunny", description = new { text = "Sunny", languageCode = "en" }, type = "CLEAR" },
                relativeHumidity = 40 + i,
                uvIndex = 5,
                precipitation = new { probability = new { percent = 10 * (i % 3), type = "RAIN" } },
                wind = new { speed = new { value = 7.5, unit = "MILES_PER_HOUR" } },
            },
            maxTemperature = new { degrees = 70.5 + i, unit = "FAHRENHEIT" },
            minTemperature = new { degrees = 50.4 + i, unit = "FAHRENHEIT" },
        }),
        timeZone = new { id = "America/Chicago" },
    });

    public static ServiceProvider Services(string baseUrl, string? key = Key, string? databaseUrl = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GOOGLE_API_KEY"] = key,
                ["DATABASE_URL"] = databaseUrl,
                ["Weather:BaseUrl"] = baseUrl,
                ["Pipeline:HttpRetryAttempts"] = "2",
                ["Pipeline:HttpRetryDelayMs"] = "20",
                ["Pipeline:HttpTimeoutSeconds"] = "5",
            }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddRyesVPDomain(configuration)
            .BuildServiceProvider();
    }

    public IReadOnlyList<IDictionary<string, string>> Queries() =>
        Server.LogEntries.Select(e => (IDictionary<string, string>)e.RequestMessage.Query!.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal)).ToList();

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => Server.Stop();
}
