using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Jobs;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Orchestration;

public sealed class CronLogTests
{
    [Fact]
    public async Task Scrape_Completed_LogsOneStructuredCronEventWithCounts()
    {
        await using var db = await TestDatabase.CreateAsync();
        var logs = new CapturedLogs();
        await using var host = await TestFunctionsHost.StartAsync(db, replay: Path.Combine(Samples.Directory, "venues"), configure: s => s.AddLogging(l => l.AddProvider(logs)));
        var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(host.Client, JobNames.Scrape, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
        await host.Client.WaitForInstanceCompletionAsync(started.InstanceId);

        var cron = Assert.Single(logs.Lines, l => l.Message.StartsWith("[CRON] scrape completed", StringComparison.Ordinal));
        Assert.Equal("scrape", cron.Properties["Job"]);
        Assert.Equal(started.InstanceId, cron.Properties["InstanceId"]);
        Assert.IsType<long>(cron.Properties["DurationMs"]);
        Assert.Equal(JobRunStatus.Succeeded, cron.Properties["Status"]);
        Assert.Equal(17L, cron.Properties["venues"]);
        Assert.Equal(cron.Properties["totalEvents"], cron.Properties["created"]);
        Assert.True((long)cron.Properties["created"]! > 40);
        Assert.Contains(logs.Lines, l => l.Message.StartsWith("[CRON] scrape starting...", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partial_LogsTheFailureLineWithTheVenueError()
    {
        await using var db = await TestDatabase.CreateAsync();
        var logs = new CapturedLogs();
        var replay = Path.Combine(Path.GetTempPath(), "ryesvp-partial-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(Samples.Directory, "venues"), replay);
        await File.WriteAllTextAsync(Path.Combine(replay, "q2-stadium.html"), "<html><body>Under maintenance</body></html>");
        try
        {
            await using var host = await TestFunctionsHost.StartAsync(db, replay: replay, configure: s => s.AddLogging(l => l.AddProvider(logs)));
            var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(host.Client, JobNames.Scrape, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
            await host.Client.WaitForInstanceCompletionAsync(started.InstanceId);

            var failed = Assert.Single(logs.Lines, l => l.Message.StartsWith("[CRON] scrape failed after ", StringComparison.Ordinal));
            Assert.Equal(LogLevel.Error, failed.Level);
            Assert.Contains("q2-stadium: No .events-list-container", failed.Message, StringComparison.Ordinal);
            Assert.Equal(JobRunStatus.Partial, failed.Properties["Status"]);
            Assert.Equal(1L, failed.Properties["failed"]);
        }
        finally
        {
            Directory.Delete(replay, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
    }
}
