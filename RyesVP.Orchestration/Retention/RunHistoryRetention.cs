using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RyesVP.Domain.Jobs;

namespace RyesVP.Orchestration.Retention;

public sealed record RetentionResult(int InstancesPurged, int JobRunsDeleted);

/// <summary>
/// Keeps the task hub small (Azure Storage instance queries slow down as it grows): finished instances older
/// than InstanceDays are purged; JobRun rows, whose summaries are the long-term history, after JobRunDays.
/// Running instances and running rows are never touched.
/// </summary>
public sealed class RunHistoryRetention(JobRunStore runs, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RunHistoryRetention> logger)
{
    public async Task<RetentionResult> PurgeAsync(DurableTaskClient client, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var purged = await client.PurgeAllInstancesAsync(
            // An explicit lower bound: Azure Tables cannot compare against DateTime.MinValue (the default for "none").
            new PurgeInstancesFilter(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), now.AddDays(-o.InstanceDays),
                [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]),
            ct);
        var deleted = await runs.DeleteFinishedBeforeAsync(now.UtcDateTime.AddDays(-o.JobRunDays), ct);
        logger.LogInformation("[RETENTION] purged {Instances} task-hub instances older than {InstanceDays} days and {Rows} JobRun rows older than {JobRunDays} days",
            purged.PurgedInstanceCount, o.InstanceDays, deleted, o.JobRunDays);
        return new RetentionResult(purged.PurgedInstanceCount, deleted);
    }
}
