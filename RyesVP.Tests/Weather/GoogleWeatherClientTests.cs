using RyesVP.Domain.Weather;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RyesVP.Tests.Weather;

public sealed class GoogleWeatherClientTests
{
    private static GoogleWeatherClient Client(WeatherFake fake, string? key = WeatherFake.Key) =>
        WeatherFake.Services(fake.BaseUrl, key).GetRequiredService<GoogleWeatherClient>();

    [Fact]
    public async Task ForecastDays_SampleResponse_MapsRoundedImperialValues()
    {
        using var fake = new WeatherFake();
        fake.Answer(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Weather", "Fixtures", "forecast-two-days.json")));

        var days = await Client(fake).ForecastDaysAsync(30.27, -97.74, 10, CancellationToken.None);

        Assert.Equal(2, days.Count);
        Assert.Equal(new ForecastDay(new DateOnly(2026, 10, 17), 86, 68, 89, 68, 10, 54, 6, 9, "Partly sunny", "https://maps.gstatic.com/weather/v1/partly_cloudy.svg"), days[0]);
        Assert.Equal(("Thunderstorms", 70, 79, 65), (days[1].Condition, days[1].PrecipChance, days[1].TempHigh, days[1].TempLow));
        var q = Assert.Single(fake.Queries());
        Assert.Equal(("10", "10", "IMPERIAL", WeatherFake.Key, "30.27", "-97.74"),
            (q["days"], q["pageSize"], q["unitsSystem"], q["key"], q["location.latitude"], q["location.longitude"]));
    }

    [Fact]
    public async Task ForecastDays_429ThenOk_IsRetried()
    {
        using var fake = new WeatherFake();
        fake.Server.Given(Request.Create().WithPath(WeatherFake.Path).UsingGet()).InScenario("quota").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1")
                .WithBody("""{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}}"""));
        fake.Server.Given(Request.Create().WithPath(WeatherFake.Path).UsingGet()).InScenario("quota").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(WeatherFake.Forecast(new DateOnly(2026, 12, 4))));

        var days = await Client(fake).ForecastDaysAsync(30.27, -97.74, 10, CancellationToken.None);

        Assert.Equal(10, days.Count);
        Assert.Equal(2, fake.Server.LogEntries.Count);
    }

    [Fact]
    public async Task ForecastDays_InvalidKey_FailsWithGooglesStatusAndNeverTheKey()
    {
        using var fake = new WeatherFake();
        fake.Answer("""{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}""", 400);

        var ex = await Assert.ThrowsAsync<WeatherApiException>(() => Client(fake).ForecastDaysAsync(30.27, -97.74, 10, CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains("INVALID_ARGUMENT", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WeatherFake.Key, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForecastDays_MalformedJson_IsAnError()
    {
        using var fake = new WeatherFake();
        fake.Answer("{\"forecastDays\": [ {\"displayDate\": ");

        var ex = await Assert.ThrowsAsync<WeatherApiException>(() => Client(fake).ForecastDaysAsync(30.27, -97.74, 10, CancellationToken.None));
        Assert.Contains("unreadable JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForecastDays_PagedResponse_FollowsNextPageToken()
    {
        using var fake = new WeatherFake();
        var first = System.Text.Json.Nodes.JsonNode.Parse(WeatherFake.Forecast(new DateOnly(2026, 12, 4), 5))!;
        first["nextPageToken"] = "page-2";
        fake.Server.Given(Request.Create().WithPath(WeatherFake.Path).WithParam("pageToken", "page-2").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(WeatherFake.Forecast(new DateOnly(2026, 12, 9), 5)));
        fake.Server.Given(Request.Create().WithPath(WeatherFake.Path).UsingGet()).AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(first.ToJsonString()));

        var days = await Client(fake).ForecastDaysAsync(30.27, -97.74, 10, CancellationToken.None);

        Assert.Equal(10, days.Count);
        Assert.Equal(new DateOnly(2026, 12, 13), days[^1].Date);
        Assert.Equal(2, fake.Server.LogEntries.Count);
    }

    [Fact]
    public async Task ForecastDays_ServerErrorAfterRetries_IsTransient()
    {
        using var fake = new WeatherFake();
        fake.Answer("""{"error":{"code":500,"message":"Internal error","status":"INTERNAL"}}""", 500);

        var ex = await Assert.ThrowsAsync<WeatherApiException>(() => Client(fake).ForecastDaysAsync(30.27, -97.74, 10, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(3, fake.Server.LogEntries.Count); // the first try and two retries
    }

    [Theory]
    [InlineData(30.2859, 30.29)]
    [InlineData(-97.7304, -97.73)]
    [InlineData(-97.735, -97.73)] // JavaScript Math.round: -9773.5 → -9773, not away from zero
    [InlineData(30.285, 30.29)]
    public void Round_MatchesTheWebApp(double value, double expected) => Assert.Equal(expected, WeatherStep.Round(value));
}
