using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Jobs;
using RyesVP.Orchestration.Retention;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Orchestration;

public sealed class RetentionTests
{
    [Fact]
    public async Task Purge_DeletesOnlyFinishedHistoryOlderThanTheLimits()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // Over Azurite: purging is the Azure Storage provider's (the in-memory test service does not implement it).
        await using var host = await TestFunctionsHost.StartAsync(db, inMemory: false, replay: Path.Combine(Samples.Directory, "venues"));
        var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(host.Client, JobNames.Scrape, JobTrigger.Cli, new JobParameters(Venue: "stubbs"), null, CancellationToken.None);
        await host.Client.WaitForInstanceCompletionAsync(started.InstanceId);
        await db.ExecuteAsync("""
            INSERT INTO "JobRun" ("id", "job", "instanceId", "trigger", "status", "startedAt", "updatedAt") VALUES
              ('old-done', 'scrape', 'scrape-old', 'timer', 'succeeded', now() - interval '200 days', now()),
              ('old-running', 'daily', 'daily-old', 'timer', 'running', now() - interval '200 days', now()),
              ('recent', 'scrape', 'scrape-recent', 'timer', 'failed', now() - interval '100 days', now())
            """);
        var runs = host.Services.GetRequiredService<JobRunStore>();
        var options = Options.Create(new RetentionOptions { InstanceDays = 30, JobRunDays = 180 });
        RunHistoryRetention At(TimeSpan offset)
        {
            time.SetUtcNow(DateTimeOffset.UtcNow + offset);
            return new RunHistoryRetention(runs, options, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<RunHistoryRetention>.Instance);
        }

        var early = await At(TimeSpan.FromDays(10)).PurgeAsync(host.Client, CancellationToken.None);
        Assert.Equal(0, early.InstancesPurged);
        Assert.NotNull(await host.Client.GetInstanceAsync(started.InstanceId));

        var late = await At(TimeSpan.FromDays(31)).PurgeAsync(host.Client, CancellationToken.None);

        Assert.Equal(1, late.InstancesPurged);
        Assert.Null(await host.Client.GetInstanceAsync(started.InstanceId));
        Assert.Equal(1, late.JobRunsDeleted + early.JobRunsDeleted);
        var left = await db.ScalarAsync<string>("""SELECT string_agg("id", ',' ORDER BY "id") FROM "JobRun" WHERE "id" IN ('old-done', 'old-running', 'recent')""");
        Assert.Equal("old-running,recent", left);
        Assert.Equal(1L, await db.ScalarAsync<long>($"""SELECT count(*) FROM "JobRun" WHERE "instanceId" = '{started.InstanceId}'"""));
    }
}
