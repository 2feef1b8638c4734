using RyesVP.Domain.Events;
using RyesVP.Domain.Time;
using RyesVP.Domain.Weather;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Weather;

public sealed class WeatherStepTests
{
    [Fact]
    public async Task Precache_OneCallPerLocation_KeyedByAustinDate_ThenSkippedWithinTheTtl()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new WeatherFake();
        var now = DateTimeOffset.UtcNow;
        var today = AustinTime.Today(now);
        fake.Answer(WeatherFake.Forecast(today));
        await using var services = WeatherFake.Services(fake.BaseUrl, databaseUrl: db.Url);
        var events = services.GetRequiredService<EventStore>();
        // Bass Concert Hall and McCullough Theatre round to the same location; 21:30 in Austin is the next UTC day.
        await events.UpsertAsync([
            new ScrapedEvent("bass-concert-hall", "A", AustinTime.ToUtc(today.AddDays(1), 21, 30), null, "w-1"),
            new ScrapedEvent("mccullough-theatre", "B", AustinTime.ToUtc(today.AddDays(2), 19, 0), null, "w-2"),
            new ScrapedEvent("stubbs", "C", AustinTime.ToUtc(today.AddDays(1), 21, 30), null, "w-3"),
            new ScrapedEvent("stubbs", "Too far", AustinTime.ToUtc(today.AddDays(12), 20, 0), null, "w-4"),
        ], CancellationToken.None);
        var step = services.GetRequiredService<WeatherStep>();

        var plan = await step.PlanAsync(now, CancellationToken.None);
        var results = new List<WeatherLocationResult>();
        foreach (var location in plan.Locations)
        {
            results.Add(await step.RunLocationAsync(location, CancellationToken.None));
        }

        Assert.Equal(3, plan.EventsChecked);
        Assert.Equal(2, plan.Locations.Count);
        Assert.Equal(2, fake.Server.LogEntries.Count);
        Assert.Equal(3, results.Sum(r => r.DatesCached));
        Assert.All(results, r => Assert.Null(r.Error));
        var bass = plan.Locations.Single(l => l.Lat == 30.29 && l.Lng == -97.73);
        Assert.Equal([WeatherFake.Date(today.AddDays(1)), WeatherFake.Date(today.AddDays(2))], bass.Dates);
        Assert.Equal(1L, await db.ScalarAsync<long>($"""SELECT count(*) FROM "WeatherCache" WHERE "lat" = 30.27 AND "lng" = -97.74 AND "forecastDate" = '{WeatherFake.Date(today.AddDays(1))}'"""));

        var again = await step.PlanAsync(now, CancellationToken.None);
        Assert.Empty(again.Locations);
        Assert.Equal(3, again.Skipped);
    }

    [Fact]
    public async Task Precache_ForecastLacksADate_ReportsItAndCachesTheRest()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new WeatherFake();
        var now = DateTimeOffset.UtcNow;
        var today = AustinTime.Today(now);
        fake.Answer(WeatherFake.Forecast(today, 10, today.AddDays(3)));
        await using var services = WeatherFake.Services(fake.BaseUrl, databaseUrl: db.Url);
        await services.GetRequiredService<EventStore>().UpsertAsync([
            new ScrapedEvent("stubbs", "A", AustinTime.ToUtc(today.AddDays(2), 20, 0), null, "m-1"),
            new ScrapedEvent("stubbs", "B", AustinTime.ToUtc(today.AddDays(3), 20, 0), null, "m-2"),
        ], CancellationToken.None);
        var step = services.GetRequiredService<WeatherStep>();

        var result = await step.RunLocationAsync(Assert.Single((await step.PlanAsync(now, CancellationToken.None)).Locations), CancellationToken.None);

        Assert.Equal(1, result.DatesCached);
        Assert.Equal("no forecast for 1 of 2 dates", result.Error);
    }

    [Fact]
    public async Task Plan_WithoutKey_IsSkippedNamingTheSetting()
    {
        using var fake = new WeatherFake();
        await using var services = WeatherFake.Services(fake.BaseUrl, key: null, databaseUrl: "Host=127.0.0.1;Port=1;Database=none");

        var plan = await services.GetRequiredService<WeatherStep>().PlanAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal("skipped: GOOGLE_API_KEY not set", plan.SkipReason);
        Assert.Empty(fake.Server.LogEntries);
    }
}
