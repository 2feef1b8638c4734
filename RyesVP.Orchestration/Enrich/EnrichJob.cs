using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RyesVP.Domain.Enrichment;
using RyesVP.Domain.Jobs;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Orchestration.Enrich;

public sealed record PlanEnrichInput(DateTimeOffset AsOf, bool Force, int? Limit);

/// <summary>The enrich summary.</summary>
public sealed record EnrichSummary(
    int Selected,
    int Processed,
    int Completed,
    int Partial,
    int Failed,
    int Skipped,
    int CategoriesUpdated,
    int LlmCalls,
    int PromptTokens,
    int CompletionTokens,
    int KgCalls,
    int SpotifyCalls,
    int NotAttempted,
    int Batches,
    IReadOnlyList<string> LookupsWithoutKeys,
    IReadOnlyList<string> Errors)
{
    public static EnrichSummary From(EnrichPlan plan, IReadOnlyList<EnrichBatchResult> r) => new(
        plan.Selected,
        r.Sum(x => x.Processed),
        r.Sum(x => x.Completed),
        r.Sum(x => x.Partial),
        r.Sum(x => x.Failed),
        r.Sum(x => x.Skipped),
        r.Sum(x => x.CategoriesUpdated),
        r.Sum(x => x.LlmCalls),
        r.Sum(x => x.PromptTokens),
        r.Sum(x => x.CompletionTokens),
        r.Sum(x => x.KgCalls),
        r.Sum(x => x.SpotifyCalls),
        r.Sum(x => x.NotAttempted),
        r.Count,
        plan.Missing ?? [],
        r.SelectMany(x => x.Errors ?? []).Take(20).ToList());
}

public sealed class EnrichActivities(EnrichStep step)
{
    [Function(nameof(PlanEnrich))]
    public Task<EnrichPlan> PlanEnrich([ActivityTrigger] PlanEnrichInput input, CancellationToken ct) =>
        step.PlanAsync(input.AsOf, input.Force, input.Limit, ct);

    [Function(nameof(EnrichEventBatch))]
    public Task<EnrichBatchResult> EnrichEventBatch([ActivityTrigger] EnrichBatch input, CancellationToken ct) =>
        step.RunBatchAsync(input, ct);
}

public static class EnrichJob
{
    /// <summary>The whole backlog (or <c>limit</c>) in batches fanned out with bounded parallelism.</summary>
    [Function(nameof(RunEnrichJob))]
    public static async Task<JobOutcome> RunEnrichJob([OrchestrationTrigger] TaskOrchestrationContext context, JobRequest request)
    {
        var started = context.CurrentUtcDateTime;
        var plan = await context.CallActivityAsync<EnrichPlan>(
            nameof(EnrichActivities.PlanEnrich), new PlanEnrichInput(new DateTimeOffset(started, TimeSpan.Zero), request.Force, request.Limit), DurableRetry.Bookkeeping);
        if (plan.SkipReason is not null)
        {
            return await JobCompletion.FinishAsync<EnrichSummary>(context, request, started, JobRunStatus.Skipped, null, plan.SkipReason);
        }

        var results = await FanOut.ActivitiesAsync(
            context, JobNames.Enrich, plan.Batches, request.Settings.BatchParallelism, nameof(EnrichActivities.EnrichEventBatch), DurableRetry.ExternalApi(request.Settings),
            (batch, message) => new EnrichBatchResult(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, batch.EventIds.Count, [$"batch {batch.Number}: {message}"]),
            r => r.Failed + r.NotAttempted > 0);
        var summary = EnrichSummary.From(plan, results);
        var bad = summary.Failed + summary.NotAttempted;
        var status = bad == 0 ? JobRunStatus.Succeeded
            : summary.Completed + summary.Partial + summary.Skipped == 0 ? JobRunStatus.Failed
            : JobRunStatus.Partial;
        var error = bad == 0 ? null
            : $"{summary.Failed} failed, {summary.NotAttempted} not attempted" + (summary.Errors.Count > 0 ? ": " + string.Join("; ", summary.Errors.Take(5)) : string.Empty);
        return await JobCompletion.FinishAsync(context, request, started, status, summary, error);
    }
}
