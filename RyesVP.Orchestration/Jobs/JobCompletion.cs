using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using RyesVP.Domain.Jobs;

namespace RyesVP.Orchestration.Jobs;

internal static class JobCompletion
{
    /// <summary>Records the end of a job run (releasing its lease), logs the [CRON] line and builds the outcome.</summary>
    public static async Task<JobOutcome> FinishAsync<TSummary>(
        TaskOrchestrationContext context, JobRequest request, DateTime started, string status, TSummary? summary, string? error)
    {
        var logger = context.CreateReplaySafeLogger("RyesVP.Jobs");
        var durationMs = (long)(context.CurrentUtcDateTime - started).TotalMilliseconds;
        var summaryElement = summary is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(summary, RyesVPJson.Options);
        var summaryJson = summaryElement?.GetRawText();
        await context.CallActivityAsync<bool>(nameof(JobActivities.FinishJobRun), new FinishJobRunInput(context.InstanceId, status, summaryJson, error), DurableRetry.Bookkeeping);

        if (status is JobRunStatus.Succeeded or JobRunStatus.Skipped)
        {
            logger.LogInformation("[CRON] {Job} completed in {DurationMs}ms {Summary}", request.Job, durationMs, summaryJson);
        }
        else
        {
            logger.LogError("[CRON] {Job} failed after {DurationMs}ms: {Message}", request.Job, durationMs, error ?? status);
        }

        return new JobOutcome(request.Job, context.InstanceId, status, durationMs, summaryElement, error);
    }
}
