using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Daily;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Orchestration;

public sealed class DailyRefreshScheduleTests
{
    [Fact]
    public async Task Run_FiresTwiceTheSameDay_StartsOneDailyRun()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        await using var host = await TestFunctionsHost.StartAsync(db, replay: Path.Combine(Samples.Directory, "venues"),
            configure: s => s.AddSingleton<TimeProvider>(time));
        var timer = ActivatorUtilities.CreateInstance<DailyRefreshSchedule>(host.Services);

        await timer.Run(new TimerInfo(), host.Client, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5)); // a restart re-fires the schedule
        await timer.Run(new TimerInfo { IsPastDue = true }, host.Client, CancellationToken.None);

        var ids = new List<string>();
        await foreach (var i in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "daily-" }))
        {
            ids.Add(i.InstanceId);
        }

        Assert.Equal(["daily-20261204"], ids.Where(i => !i.Contains(':', StringComparison.Ordinal)));
        var done = await host.Client.WaitForInstanceCompletionAsync("daily-20261204", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var rows = await host.Services.GetRequiredService<JobRunStore>().ForInstanceAsync("daily-20261204", CancellationToken.None);
        Assert.Equal([.. JobNames.DailySteps.Append("daily").Order(StringComparer.Ordinal)], rows.Select(r => r.Job).Order(StringComparer.Ordinal)); // the fake clock gives every row the same start
        Assert.Equal(JobTrigger.Timer, rows.Single(r => r.Job == JobNames.Daily).Trigger);
    }
}
