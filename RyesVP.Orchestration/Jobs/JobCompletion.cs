using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using RyesVP.Domain.Alerts;
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

        // Structured: job, instance, duration, status and the summary's counts are properties of the event
        // (custom dimensions in Application Insights), not only text.
        var properties = new Dictionary<string, object?>
        {
            ["Job"] = request.Job,
            ["InstanceId"] = context.InstanceId,
            ["DurationMs"] = durationMs,
            ["Status"] = status,
            ["Trigger"] = request.Trigger,
        };
        if (summaryElement is { ValueKind: JsonValueKind.Object } counts)
        {
            foreach (var p in counts.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                properties[p.Name] = p.Value.GetInt64();
            }
        }

        using (logger.BeginScope(properties))
        {
            if (status is JobRunStatus.Succeeded or JobRunStatus.Skipped)
            {
                logger.LogInformation("[CRON] {Job} completed in {DurationMs}ms (instance {InstanceId}) {Summary}", request.Job, durationMs, context.InstanceId, summaryJson);
            }
            else
            {
                logger.LogError("[CRON] {Job} failed after {DurationMs}ms: {Message}", request.Job, durationMs, error ?? status);
            }
        }

        // One alert per run: a step of a daily run leaves it to the daily run, which names the failed steps.
        if (request.ParentInstanceId is null && status is JobRunStatus.Failed or JobRunStatus.Partial)
        {
            await context.CallActivityAsync<bool>(nameof(AlertActivities.PostRunAlert),
                new RunAlert(request.Job, context.InstanceId, status, durationMs, error, FailedSteps(summaryElement)));
        }

        return new JobOutcome(request.Job, context.InstanceId, status, durationMs, summaryElement, error);
    }

    private static List<string> FailedSteps(JsonElement? summary) =>
        summary is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
            ? results.EnumerateArray()
                .Where(r => r.TryGetProperty("step", out _) && r.GetProperty("status").GetString() is not (JobRunStatus.Succeeded or JobRunStatus.Skipped))
                .Select(r => $"{r.GetProperty("step").GetString()} ({r.GetProperty("status").GetString()})")
                .ToList()
            : [];
}
