using System.Security.Cryptography;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RyesVP.Domain;
using RyesVP.Domain.Jobs;

namespace RyesVP.Orchestration.Jobs;

public enum LaunchOutcome
{
    Started,
    AlreadyRunning,
    AlreadyExists,
}

public sealed record LaunchResult(LaunchOutcome Outcome, string InstanceId, JobRun? Holder = null);

public sealed record JobParameters(string? Venue = null, bool Force = false, int? Limit = null, int? Months = null);

/// <summary>
/// Starts a job for any trigger (timer, HTTP, CLI): takes the job's lease, then schedules the orchestration with
/// dedupe statuses so that an existing instance id is never silently replaced.
/// </summary>
public sealed class JobLauncher(JobLease lease, JobRunStore runs, IOptions<PipelineOptions> options, TimeProvider time, ILogger<JobLauncher> logger)
{
    private static readonly OrchestrationRuntimeStatus[] AnyStatus =
        [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    public string NewInstanceId(string job) =>
        $"{job}-{time.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmssfff}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    public JobSettings Settings()
    {
        var o = options.Value;
        return new JobSettings(o.ScrapeParallelism, o.ActivityRetryAttempts, o.ActivityRetryFirstIntervalSeconds, o.BatchParallelism, o.DisabledStepList());
    }

    public async Task<LaunchResult> StartAsync(
        DurableTaskClient client, string job, string trigger, JobParameters parameters, string? instanceId, CancellationToken ct)
    {
        var orchestrator = JobCatalog.OrchestratorFor(job);
        instanceId ??= NewInstanceId(job);

        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct) is not null)
        {
            return new LaunchResult(LaunchOutcome.AlreadyExists, instanceId);
        }

        var taken = await lease.AcquireAsync(job, instanceId, null, trigger, (id, token) => StateOfAsync(client, id, token), ct);
        if (!taken.Acquired)
        {
            return new LaunchResult(LaunchOutcome.AlreadyRunning, taken.Holder?.InstanceId ?? instanceId, taken.Holder);
        }

        var request = new JobRequest(job, trigger, Settings(), parameters.Venue, parameters.Force, parameters.Limit, parameters.Months);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                orchestrator, request, new StartOrchestrationOptions(instanceId).WithDedupeStatuses(AnyStatus), ct);
        }
        catch (Exception ex)
        {
            await runs.FinishAsync(instanceId, JobRunStatus.Failed, null, $"could not start: {ex.Message}", CancellationToken.None);
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, CancellationToken.None) is not null)
            {
                return new LaunchResult(LaunchOutcome.AlreadyExists, instanceId);
            }

            throw;
        }

        logger.LogInformation("[CRON] {Job} starting... instance {InstanceId} ({Trigger})", job, instanceId, trigger);
        return new LaunchResult(LaunchOutcome.Started, instanceId);
    }

    public static async Task<InstanceState> StateOfAsync(DurableTaskClient client, string instanceId, CancellationToken ct)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct);
        return metadata?.RuntimeStatus switch
        {
            null => InstanceState.Missing,
            OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended => InstanceState.Running,
            _ => InstanceState.Finished,
        };
    }
}
