using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Jobs;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Orchestration;

public sealed class FullDailyRunTests
{
    /// <summary>
    /// What ./run.sh does offline: the venue samples replayed, the third-party APIs answered from samples/apis on
    /// loopback, the real clients over HTTP, the durable engine on Azurite.
    /// </summary>
    [Fact]
    public async Task Daily_OnTheSamples_RunsAllFiveStepsAndEachDoesRealWork()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestFunctionsHost.StartAsync(db, inMemory: false, replay: Path.Combine(Samples.Directory, "venues"), settings: new Dictionary<string, string?>
        {
            ["RYESVP_SAMPLE_APIS"] = Path.Combine(Samples.Directory, "apis"),
        });
        var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(host.Client, JobNames.Daily, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var done = await host.Client.WaitForInstanceCompletionAsync(started.InstanceId, getInputsAndOutputs: true, timeout.Token);
        var outcome = done.ReadOutputAs<JobOutcome>()!;

        Assert.Equal(JobRunStatus.Succeeded, outcome.Status);
        var steps = outcome.Summary!.Value.GetProperty("results").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!, s => s);
        Assert.Equal(JobNames.DailySteps, steps.Keys);
        Assert.All(steps.Values, s => Assert.Equal(JobRunStatus.Succeeded, s.GetProperty("status").GetString()));
        int Count(string step, string name) => steps[step].GetProperty("summary").GetProperty(name).GetInt32();
        Assert.True(Count(JobNames.Scrape, "totalEvents") > 0);
        Assert.True(Count(JobNames.TmDownload, "eventsDownloaded") > 0);
        Assert.True(Count(JobNames.Enrich, "completed") > 0);
        Assert.True(Count(JobNames.TmMatch, "matched") > 0);
        Assert.True(Count(JobNames.TmMatch, "llmMatched") > 0);
        Assert.True(Count(JobNames.WeatherPrecache, "datesCached") > 0);
        Assert.True(await db.ScalarAsync<long>("""SELECT count(*) FROM "Enrichment" WHERE "tmEventId" IS NOT NULL AND "status" IN ('COMPLETED', 'PARTIAL')""") > 0);

        // Every step has its JobRun row, all succeeded.
        var rows = await host.Services.GetRequiredService<JobRunStore>().ForInstanceAsync(started.InstanceId, CancellationToken.None);
        Assert.Equal(JobNames.DailySteps.Count + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(JobRunStatus.Succeeded, r.Status));
    }

    [Fact]
    public async Task Daily_StepsDisabledInConfig_AreSkippedAndNamed()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestFunctionsHost.StartAsync(db, replay: Path.Combine(Samples.Directory, "venues"), settings: new Dictionary<string, string?>
        {
            ["RYESVP_SAMPLE_APIS"] = Path.Combine(Samples.Directory, "apis"),
            ["Pipeline:DisabledSteps"] = "tm-download, tm-match",
        });
        var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(host.Client, JobNames.Daily, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
        var done = await host.Client.WaitForInstanceCompletionAsync(started.InstanceId, getInputsAndOutputs: true);
        var outcome = done.ReadOutputAs<JobOutcome>()!;

        var steps = outcome.Summary!.Value.GetProperty("results").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!, s => s);
        Assert.Equal(JobRunStatus.Skipped, steps[JobNames.TmDownload].GetProperty("status").GetString());
        Assert.Contains("disabled", steps[JobNames.TmMatch].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JobRunStatus.Succeeded, steps[JobNames.Enrich].GetProperty("status").GetString());
        Assert.Equal(JobRunStatus.Succeeded, outcome.Status); // a step left out on purpose is not a failure
        Assert.Contains("tm-download skipped: disabled", outcome.Error, StringComparison.Ordinal);
    }
}
