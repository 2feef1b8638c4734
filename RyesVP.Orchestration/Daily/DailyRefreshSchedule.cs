using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Orchestration.Daily;

/// <summary>The daily timer. Instance id daily-yyyyMMdd (UTC day), so a second fire the same day starts nothing.</summary>
public sealed class DailyRefreshSchedule(JobLauncher launcher, JobRunStore runs, TimeProvider time, ILogger<DailyRefreshSchedule> logger)
{
    public const string ScheduleSetting = "DailyRefreshSchedule";
    public const string DefaultSchedule = "0 0 8 * * *";

    public static string InstanceIdFor(DateTimeOffset utc) => $"daily-{utc.UtcDateTime:yyyyMMdd}";

    [Function(nameof(DailyRefreshSchedule))]
    public async Task Run([TimerTrigger("%DailyRefreshSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        var instanceId = InstanceIdFor(time.GetUtcNow());
        var result = await launcher.StartAsync(client, JobNames.Daily, JobTrigger.Timer, new JobParameters(), instanceId, ct);
        switch (result.Outcome)
        {
            case LaunchOutcome.Started:
                logger.LogInformation("[CRON] daily scheduled as {InstanceId} (next {Next})", instanceId, timer.ScheduleStatus?.Next);
                break;
            case LaunchOutcome.AlreadyExists:
                logger.LogInformation("[CRON] daily {InstanceId} already exists; timer fire ignored", instanceId);
                break;
            default:
                logger.LogWarning("[CRON] daily not started: {Holder} is still running", result.Holder?.InstanceId);
                await runs.RecordFinishedAsync(JobNames.Daily, instanceId, null, JobTrigger.Timer, JobRunStatus.Skipped, null,
                    $"skipped: daily already running (instance {result.Holder?.InstanceId})", ct);
                break;
        }
    }
}
