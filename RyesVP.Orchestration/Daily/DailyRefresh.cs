using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Orchestration.Daily;

public static class DailyRefresh
{
    /// <summary>
    /// Every step in order as a sub-orchestration. A failed step does not stop later ones (each works on whatever
    /// data exists); the run ends partial and names the failed steps.
    /// </summary>
    [Function(nameof(RunDailyRefresh))]
    public static async Task<JobOutcome> RunDailyRefresh([OrchestrationTrigger] TaskOrchestrationContext context, JobRequest request)
    {
        var started = context.CurrentUtcDateTime;
        var steps = JobNames.DailySteps;
        var results = new List<StepResult>();
        foreach (var step in steps)
        {
            context.SetCustomStatus(new JobProgress(JobNames.Daily, results.Count, steps.Count, results.Count(r => r.Status is JobRunStatus.Failed or JobRunStatus.Partial), step, steps));
            results.Add(await RunStepAsync(context, request, step));
        }

        context.SetCustomStatus(new JobProgress(JobNames.Daily, results.Count, steps.Count, results.Count(r => r.Status is JobRunStatus.Failed or JobRunStatus.Partial), null, steps));
        var summary = new DailySummary(
            results.Count,
            results.Count(r => r.Status == JobRunStatus.Succeeded),
            results.Count(r => r.Status == JobRunStatus.Partial),
            results.Count(r => r.Status == JobRunStatus.Failed),
            results.Count(r => r.Status == JobRunStatus.Skipped),
            results);
        // A step skipped for want of configuration (or because it was already running) neither fails the run nor
        // passes silently: it is named in the error text and in the step list.
        var ran = results.Where(r => r.Status != JobRunStatus.Skipped).ToList();
        var status = ran.Count == 0 ? JobRunStatus.Skipped
            : ran.All(r => r.Status == JobRunStatus.Failed) ? JobRunStatus.Failed
            : ran.All(r => r.Status == JobRunStatus.Succeeded) ? JobRunStatus.Succeeded
            : JobRunStatus.Partial;
        var problems = results.Where(r => r.Status != JobRunStatus.Succeeded)
            .Select(r => r.Error?.StartsWith(r.Status + ":", StringComparison.Ordinal) == true ? $"{r.Step} {r.Error}" : $"{r.Step} {r.Status}: {r.Error}")
            .ToList();
        return await JobCompletion.FinishAsync(context, request, started, status, summary, problems.Count > 0 ? string.Join("; ", problems) : null);
    }

    private static async Task<StepResult> RunStepAsync(TaskOrchestrationContext context, JobRequest request, string step)
    {
        var childId = $"{context.InstanceId}:{step}";
        var stepStarted = context.CurrentUtcDateTime;
        if (request.Settings.DisabledSteps?.Contains(step, StringComparer.Ordinal) == true)
        {
            return new StepResult(step, childId, JobRunStatus.Skipped, 0, "skipped: disabled (Pipeline__DisabledSteps)", null);
        }

        var begun = await context.CallActivityAsync<BeginJobStepResult>(
            nameof(JobActivities.BeginJobStep), new BeginJobStepInput(step, childId, context.InstanceId), DurableRetry.Bookkeeping);
        if (!begun.Started)
        {
            return new StepResult(step, childId, JobRunStatus.Skipped, 0, begun.Reason, null);
        }

        var stepRequest = request with { Job = step, Trigger = JobTrigger.Parent, ParentInstanceId = context.InstanceId, Venue = step == JobNames.Scrape ? request.Venue : null };
        try
        {
            var outcome = await context.CallSubOrchestratorAsync<JobOutcome>(
                JobCatalog.OrchestratorFor(step), stepRequest, new SubOrchestrationOptions { InstanceId = childId });
            return new StepResult(step, childId, outcome.Status, outcome.DurationMs, outcome.Error, outcome.Summary);
        }
        catch (TaskFailedException ex)
        {
            // The step's orchestrator crashed before recording its end; record it here so its lease is released.
            var message = ex.FailureDetails.ErrorMessage;
            await context.CallActivityAsync<bool>(nameof(JobActivities.FinishJobRun), new FinishJobRunInput(childId, JobRunStatus.Failed, null, message), DurableRetry.Bookkeeping);
            return new StepResult(step, childId, JobRunStatus.Failed, (long)(context.CurrentUtcDateTime - stepStarted).TotalMilliseconds, message, null);
        }
    }
}
