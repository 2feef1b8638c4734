using RyesVP.Domain.Events;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Time;
using RyesVP.Orchestration.Jobs;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Weather;

public sealed class WeatherJobTests
{
    [Fact]
    public async Task WeatherPrecache_OverHttpWithWait_ReportsItsCounts()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new WeatherFake();
        var today = AustinTime.Today(DateTimeOffset.UtcNow);
        fake.Answer(WeatherFake.Forecast(today));
        await using var host = await TestFunctionsHost.StartAsync(db, settings: new Dictionary<string, string?>
        {
            ["GOOGLE_API_KEY"] = WeatherFake.Key,
            ["Weather:BaseUrl"] = fake.BaseUrl,
        });
        await host.Services.GetRequiredService<EventStore>().UpsertAsync([
            new ScrapedEvent("stubbs", "A", AustinTime.ToUtc(today.AddDays(1), 20, 0), null, "j-1"),
            new ScrapedEvent("moody-center", "B", AustinTime.ToUtc(today.AddDays(4), 20, 0), null, "j-2"),
        ], CancellationToken.None);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/cron/weather-precache?wait=60");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 2, 2, 0, 2, 0), (body.GetProperty("eventsChecked").GetInt32(), body.GetProperty("locations").GetInt32(),
            body.GetProperty("datesCached").GetInt32(), body.GetProperty("skipped").GetInt32(), body.GetProperty("apiCalls").GetInt32(), body.GetProperty("errors").GetInt32()));
        Assert.DoesNotContain(WeatherFake.Key, body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeatherPrecache_WithoutKey_EndsSkippedNamingTheKey()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestFunctionsHost.StartAsync(db);
        var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(host.Client, JobNames.WeatherPrecache, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
        await host.Client.WaitForInstanceCompletionAsync(started.InstanceId);

        var row = Assert.Single(await host.Services.GetRequiredService<JobRunStore>().ForInstanceAsync(started.InstanceId, CancellationToken.None));
        Assert.Equal((JobRunStatus.Skipped, "skipped: GOOGLE_API_KEY not set"), (row.Status, row.Error));
    }
}
