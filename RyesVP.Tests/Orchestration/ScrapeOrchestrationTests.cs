using Microsoft.DurableTask.Client;
using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Jobs;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Orchestration;

/// <summary>The scrape job on the local host over Azurite (the Azure Storage provider), venue sites faked on loopback.</summary>
public sealed class ScrapeOrchestrationTests
{
    private static async Task<JobOutcome> RunAsync(TestFunctionsHost host, string job, CancellationToken ct = default)
    {
        var launcher = host.Services.GetRequiredService<JobLauncher>();
        var started = await launcher.StartAsync(host.Client, job, JobTrigger.Cli, new JobParameters(), null, ct);
        Assert.Equal(LaunchOutcome.Started, started.Outcome);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var done = await host.Client.WaitForInstanceCompletionAsync(started.InstanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<JobOutcome>()!;
    }

    private static async Task<string> VenueRowsAsync(TestDatabase db, string slug) => await db.ScalarAsync<string>($"""
        SELECT coalesce(string_agg(e."id" || e."title" || e."updatedAt"::text, ',' ORDER BY e."id"), '')
        FROM "Event" e JOIN "Venue" v ON v."id" = e."venueId" WHERE v."slug" = '{slug}'
        """);

    [Fact]
    public async Task Daily_OneVenueDownAnotherGarbage_OthersSucceedRunIsPartialAndTheirEventsAreKept()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var sites = new FakeVenueSites();
        await sites.StartAsync();
        var hub = TestFunctionsHost.NewTaskHub();
        await using (var first = await TestFunctionsHost.StartAsync(db, inMemory: false, taskHub: hub, configure: sites.Attach))
        {
            Assert.Equal(JobRunStatus.Succeeded, (await RunAsync(first, JobNames.Scrape)).Status);
        }

        var stubbsBefore = await VenueRowsAsync(db, "stubbs");
        var longCenterBefore = await VenueRowsAsync(db, "long-center");
        Assert.NotEqual(string.Empty, stubbsBefore);
        sites.Overrides["stubbsaustin.com"] = (500, "<html>Internal Server Error</html>");
        sites.Overrides["thelongcenter.org"] = (200, "\u0001\u0002 not a page {{{");

        await using var host = await TestFunctionsHost.StartAsync(db, inMemory: false, taskHub: hub, configure: sites.Attach);
        var outcome = await RunAsync(host, JobNames.Daily);

        Assert.Equal(JobRunStatus.Partial, outcome.Status);
        var step = outcome.Summary!.Value.GetProperty("results")[0];
        Assert.Equal(JobRunStatus.Partial, step.GetProperty("status").GetString());
        var scrape = step.GetProperty("summary");
        Assert.Equal(15, scrape.GetProperty("succeeded").GetInt32());
        Assert.Equal(2, scrape.GetProperty("failed").GetInt32());
        var errors = scrape.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("venue").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Contains("500", errors["stubbs"], StringComparison.Ordinal);
        Assert.Contains("layout", errors["long-center"], StringComparison.Ordinal);
        Assert.Equal(stubbsBefore, await VenueRowsAsync(db, "stubbs"));
        Assert.Equal(longCenterBefore, await VenueRowsAsync(db, "long-center"));
        Assert.True(sites.Hits("stubbsaustin.com") >= 3); // the first run, then retried before giving up

        // Visible in JobRun too: the daily row and its step row.
        var rows = await host.Services.GetRequiredService<JobRunStore>().ForInstanceAsync(outcome.InstanceId, CancellationToken.None);
        Assert.Equal([JobRunStatus.Partial, JobRunStatus.Partial, .. JobNames.DailySteps.Skip(1).Select(_ => JobRunStatus.Skipped)], rows.Select(r => r.Status));
        Assert.All(rows.Take(2), r => Assert.Contains("stubbs", r.Error, StringComparison.Ordinal));
        Assert.Equal("skipped: GOOGLE_API_KEY not set", rows.Single(r => r.Job == JobNames.WeatherPrecache).Error);
        Assert.Equal("skipped: TICKETMASTER_API_KEY not set", rows.Single(r => r.Job == JobNames.TmDownload).Error);
    }

    [Fact]
    public async Task Scrape_WorkerStoppedMidRun_ResumesWithoutRefetchingFinishedVenues()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var sites = new FakeVenueSites();
        await sites.StartAsync();
        sites.Delays["www.q2stadium.com"] = TimeSpan.FromSeconds(30);
        var hub = TestFunctionsHost.NewTaskHub();
        var settings = new Dictionary<string, string?> { ["Pipeline:ScrapeParallelism"] = "17", ["Pipeline:HttpTimeoutSeconds"] = "60" };

        string instanceId;
        await using (var first = await TestFunctionsHost.StartAsync(db, inMemory: false, taskHub: hub, configure: sites.Attach, settings: settings))
        {
            var started = await first.Services.GetRequiredService<JobLauncher>().StartAsync(first.Client, JobNames.Scrape, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
            instanceId = started.InstanceId;
            // Wait until every venue but the slow one is done (recorded in the orchestration's progress).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                var meta = await first.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
                if (meta?.ReadCustomStatusAs<JobProgress>() is { Done: 16 })
                {
                    break;
                }

                await Task.Delay(200);
            }

            Assert.Equal(16, (await first.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true))!.ReadCustomStatusAs<JobProgress>()!.Done);
        }

        var hitsBefore = new[] { "moodycenteratx.com", "stubbsaustin.com", "thelongcenter.org", "antonesnightclub.com", "www.moodyamphitheater.com", "circuitoftheamericas.com" }
            .ToDictionary(h => h, sites.Hits);
        sites.Delays.Clear();

        await using var second = await TestFunctionsHost.StartAsync(db, inMemory: false, taskHub: hub, configure: sites.Attach, settings: settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var done = await second.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal(JobRunStatus.Succeeded, outcome.Status);
        Assert.Equal(17, outcome.Summary!.Value.GetProperty("succeeded").GetInt32());
        foreach (var (site, hits) in hitsBefore)
        {
            Assert.Equal(hits, sites.Hits(site)); // finished venues were not fetched again
        }

        Assert.True(sites.Hits("www.q2stadium.com") >= 2); // the interrupted venue was fetched again
        Assert.Equal(3L, await db.ScalarAsync<long>("""SELECT count(*) FROM "Event" e JOIN "Venue" v ON v."id" = e."venueId" WHERE v."slug" = 'q2-stadium'"""));
    }

    [Fact]
    public async Task Scrape_VenueDropsToLessThanHalf_IsAWarningInTheSummaryJobRunAndLog()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var sites = new FakeVenueSites();
        await sites.StartAsync();
        var logs = new CapturedLogs();
        await using var host = await TestFunctionsHost.StartAsync(db, configure: s => { sites.Attach(s); s.AddSingleton<ILoggerProvider>(logs); });
        Assert.Equal(JobRunStatus.Succeeded, (await RunAsync(host, JobNames.Scrape)).Status);

        // The next night Stubb's shows one event where it showed three.
        sites.Overrides["stubbsaustin.com"] = (200, """
            <html><body><div class="tw-plugin-upcoming-event-list"><div class="tw-section"><div class="tw-name"><a href="https://stubbsaustin.com/tm-event/lone-show/">Lone Show</a></div>
            <span class="tw-event-date">12/20</span><span class="tw-event-time">Show: 8:00PM</span></div></div></body></html>
            """);
        var outcome = await RunAsync(host, JobNames.Scrape);

        Assert.Equal(JobRunStatus.Succeeded, outcome.Status); // not a failure …
        var warnings = outcome.Summary!.Value.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains("stubbs: 1 events, less than half of the previous run's 3", warnings); // … but never silent
        var stubbs = outcome.Summary.Value.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("venue").GetString() == "stubbs");
        Assert.Equal(3, stubbs.GetProperty("health").GetProperty("previousEvents").GetInt32());
        var row = Assert.Single(await host.Services.GetRequiredService<JobRunStore>().ForInstanceAsync(outcome.InstanceId, CancellationToken.None));
        Assert.Contains("health warnings: stubbs: 1 events, less than half", row.Error, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Message.Contains("stubbs health: 1 events, less than half", StringComparison.Ordinal));
    }
}
