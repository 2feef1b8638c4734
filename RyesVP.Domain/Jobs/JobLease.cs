using Microsoft.Extensions.Logging;

namespace RyesVP.Domain.Jobs;

public enum InstanceState
{
    /// <summary>The task hub has no such instance (yet, or any more).</summary>
    Missing,

    /// <summary>Pending, running or suspended.</summary>
    Running,

    /// <summary>Completed, failed or terminated.</summary>
    Finished,
}

public sealed record LeaseResult(bool Acquired, JobRun? Holder);

/// <summary>
/// Takes a job's run lease, and takes over a stale one: a 'running' row whose orchestration is finished (it was
/// terminated, or its host died before recording the end), or which never got an instance within the grace
/// period. A failed or terminated run therefore never blocks the next start.
/// </summary>
public sealed class JobLease(JobRunStore store, TimeProvider time, ILogger<JobLease> logger)
{
    /// <summary>How long a lease may exist before its instance shows up in the task hub.</summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(2);

    public async Task<LeaseResult> AcquireAsync(
        string job,
        string instanceId,
        string? parentInstanceId,
        string trigger,
        Func<string, CancellationToken, Task<InstanceState>> stateOf,
        CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.TryBeginAsync(job, instanceId, parentInstanceId, trigger, ct) is not null)
            {
                return new LeaseResult(true, null);
            }

            var holder = await store.GetRunningAsync(job, ct);
            if (holder is null)
            {
                continue; // released between our insert and our read
            }

            var state = await stateOf(holder.InstanceId, ct);
            var young = time.GetUtcNow().UtcDateTime - holder.StartedAt < StartGrace;
            if (state == InstanceState.Running || (state == InstanceState.Missing && young))
            {
                return new LeaseResult(false, holder);
            }

            var reason = state == InstanceState.Missing
                ? $"abandoned: instance {holder.InstanceId} never started"
                : $"abandoned: instance {holder.InstanceId} ended without recording its result (terminated or host lost)";
            if (await store.AbandonAsync(holder.Id, reason, ct))
            {
                logger.LogWarning("[CRON] {Job}: released stale lease of {InstanceId}: {Reason}", job, holder.InstanceId, reason);
            }
        }

        return new LeaseResult(false, await store.GetRunningAsync(job, ct));
    }
}
