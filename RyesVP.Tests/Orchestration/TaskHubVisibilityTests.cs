using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Query;
using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Jobs;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Orchestration;

/// <summary>
/// Durable Functions Monitor reads a task hub straight from Azure Storage. This opens the local (Azurite) task hub
/// with a separate client through the Azure Storage provider's own query API and finds what `ryesvp runs` reports.
/// </summary>
public sealed class TaskHubVisibilityTests
{
    [Fact]
    public async Task AfterADailyRun_TheTaskHubShowsTheSameInstancesStatusesAndHistory()
    {
        await using var db = await TestDatabase.CreateAsync();
        var hub = TestFunctionsHost.NewTaskHub();
        string dailyId;
        await using (var host = await TestFunctionsHost.StartAsync(db, inMemory: false, taskHub: hub, replay: Path.Combine(Samples.Directory, "venues")))
        {
            var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(host.Client, JobNames.Daily, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
            dailyId = started.InstanceId;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.Client.WaitForInstanceCompletionAsync(dailyId, timeout.Token);
        }

        // What `ryesvp runs --steps` lists.
        var runs = await new JobRunStore(db.DataSource, TimeProvider.System).ListAsync(null, null, null, includeSteps: true, 50, 0, CancellationToken.None);

        using var reader = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hub,
            StorageAccountClientProvider = new StorageAccountClientProvider("UseDevelopmentStorage=true"),
        });
        var result = await reader.GetOrchestrationWithQueryAsync(new OrchestrationQuery { FetchInputsAndOutputs = true, PageSize = 100 }, CancellationToken.None);
        var states = result.OrchestrationState.ToDictionary(s => s.OrchestrationInstance.InstanceId);

        Assert.Equal(runs.Select(r => r.InstanceId).Order(), states.Keys.Order());
        Assert.Equal([.. new[] { dailyId }.Concat(JobNames.DailySteps.Select(s => dailyId + ":" + s)).Order(StringComparer.Ordinal)], runs.Select(r => r.InstanceId).Order(StringComparer.Ordinal));
        foreach (var run in runs)
        {
            // No GOOGLE_API_KEY here: the weather step says so instead of pretending to succeed.
            Assert.Equal(run.Job is JobNames.Scrape or JobNames.Daily ? JobRunStatus.Succeeded : JobRunStatus.Skipped, run.Status); // the others have no keys here
            Assert.Equal(OrchestrationStatus.Completed, states[run.InstanceId].OrchestrationStatus);
        }

        Assert.Equal("RunDailyRefresh", states[dailyId].Name);
        Assert.Equal(dailyId, states[dailyId + ":scrape"].ParentInstance?.OrchestrationInstance.InstanceId);
        var history = await reader.GetOrchestrationHistoryAsync(dailyId, states[dailyId].OrchestrationInstance.ExecutionId);
        var types = System.Text.Json.JsonDocument.Parse(history).RootElement.EnumerateArray()
            .Select(e => (DurableTask.Core.History.EventType)e.GetProperty("EventType").GetInt32()).ToHashSet();
        foreach (var expected in new[]
        {
            DurableTask.Core.History.EventType.ExecutionStarted, DurableTask.Core.History.EventType.TaskScheduled, DurableTask.Core.History.EventType.TaskCompleted,
            DurableTask.Core.History.EventType.SubOrchestrationInstanceCreated, DurableTask.Core.History.EventType.SubOrchestrationInstanceCompleted,
            DurableTask.Core.History.EventType.ExecutionCompleted,
        })
        {
            Assert.Contains(expected, types);
        }
    }
}
