using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RyesVP.Domain.Jobs;

namespace RyesVP.Orchestration.Jobs;

/// <summary>The run log's side effects, as activities (orchestrators do no I/O).</summary>
public sealed class JobActivities(JobLease lease, JobRunStore runs)
{
    [Function(nameof(BeginJobStep))]
    public async Task<BeginJobStepResult> BeginJobStep([ActivityTrigger] BeginJobStepInput input, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        await lease.AcquireAsync(input.Job, input.InstanceId, input.ParentInstanceId, JobTrigger.Parent, (id, token) => JobLauncher.StateOfAsync(client, id, token), ct) is { Acquired: false, Holder: var holder }
            ? new BeginJobStepResult(false, $"skipped: {input.Job} already running (instance {holder?.InstanceId})")
            : new BeginJobStepResult(true, null);

    [Function(nameof(FinishJobRun))]
    public Task<bool> FinishJobRun([ActivityTrigger] FinishJobRunInput input, CancellationToken ct) =>
        runs.FinishAsync(input.InstanceId, input.Status, input.SummaryJson, input.Error, ct);
}
