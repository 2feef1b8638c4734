using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Jobs;
using RyesVP.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RyesVP.Tests.Orchestration;

public sealed class AlertTests
{
    private static async Task<string> RunDailyAsync(TestFunctionsHost host)
    {
        var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(host.Client, JobNames.Daily, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
        await host.Client.WaitForInstanceCompletionAsync(started.InstanceId);
        return started.InstanceId;
    }

    private static async Task<FakeVenueSites> SitesWithCotaBrokenAsync()
    {
        var sites = new FakeVenueSites();
        await sites.StartAsync();
        sites.Overrides["circuitoftheamericas.com"] = (200, "<html><body>Sorry, we are down</body></html>");
        return sites;
    }

    [Fact]
    public async Task PartialRun_PostsExactlyOneAlertNamingRunStepsErrorsAndStatusUrl()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var hook = WireMockServer.Start();
        hook.Given(Request.Create().WithPath("/hooks/ops").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
        await using var sites = await SitesWithCotaBrokenAsync();
        await using var host = await TestFunctionsHost.StartAsync(db, configure: sites.Attach, settings: new Dictionary<string, string?> { ["ALERT_WEBHOOK_URL"] = hook.Url + "/hooks/ops" });

        var id = await RunDailyAsync(host);

        var post = Assert.Single(hook.LogEntries);
        var text = System.Text.Json.JsonDocument.Parse(post.RequestMessage.Body!).RootElement.GetProperty("text").GetString()!;
        Assert.Contains($"daily run {id} ended partial", text, StringComparison.Ordinal);
        Assert.Contains("scrape (partial)", text, StringComparison.Ordinal);
        Assert.Contains("cota: No .event-grid-ctn", text, StringComparison.Ordinal);
        Assert.Contains($"/api/cron/runs/{id}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanRun_PostsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var hook = WireMockServer.Start();
        hook.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        await using var host = await TestFunctionsHost.StartAsync(db, replay: Path.Combine(Samples.Directory, "venues"),
            settings: new Dictionary<string, string?> { ["ALERT_WEBHOOK_URL"] = hook.Url + "/hooks/ops" });

        var id = await RunDailyAsync(host);

        Assert.Equal(JobRunStatus.Succeeded, (await host.Services.GetRequiredService<JobRunStore>().ForInstanceAsync(id, CancellationToken.None)).First(r => r.InstanceId == id).Status);
        Assert.Empty(hook.LogEntries);
    }

    [Fact]
    public async Task WebhookDown_RunStillEndsWithItsOwnStatus()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var hook = WireMockServer.Start();
        hook.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(500));
        await using var sites = await SitesWithCotaBrokenAsync();
        await using var host = await TestFunctionsHost.StartAsync(db, configure: sites.Attach, settings: new Dictionary<string, string?> { ["ALERT_WEBHOOK_URL"] = hook.Url + "/hooks/ops" });

        var id = await RunDailyAsync(host);

        var meta = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, meta!.RuntimeStatus);
        Assert.Equal(JobRunStatus.Partial, meta.ReadOutputAs<JobOutcome>()!.Status);
        Assert.Single(hook.LogEntries);
    }
}
