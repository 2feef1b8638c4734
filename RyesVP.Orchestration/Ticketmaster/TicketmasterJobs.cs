using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Ticketmaster;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Orchestration.Ticketmaster;

public static class TicketmasterJobs
{
    /// <summary>One activity per mapped venue; a venue whose download failed keeps its previous cache rows.</summary>
    [Function(nameof(RunTmDownloadJob))]
    public static async Task<JobOutcome> RunTmDownloadJob([OrchestrationTrigger] TaskOrchestrationContext context, JobRequest request)
    {
        var started = context.CurrentUtcDateTime;
        var plan = await context.CallActivityAsync<TmDownloadPlan>(
            nameof(TicketmasterActivities.PlanTmDownload), new PlanTmDownloadInput(new DateTimeOffset(started, TimeSpan.Zero), request.Months), DurableRetry.Bookkeeping);
        if (plan.SkipReason is not null)
        {
            return await JobCompletion.FinishAsync<TmDownloadSummary>(context, request, started, JobRunStatus.Skipped, null, plan.SkipReason);
        }

        var results = await FanOut.ActivitiesAsync(
            context, JobNames.TmDownload, plan.Venues, request.Settings.Parallelism, nameof(TicketmasterActivities.DownloadTmVenue), DurableRetry.ExternalApi(request.Settings),
            (venue, message) => new TmVenueResult(venue.Venue, 0, 0, 0, 0, message), r => r.Error is not null, r => r.Venue);
        var summary = TmDownloadSummary.From(results);
        var status = summary.Errors == 0 ? JobRunStatus.Succeeded
            : summary.Errors == summary.VenuesProcessed ? JobRunStatus.Failed
            : JobRunStatus.Partial;
        var error = summary.Errors == 0 ? null
            : string.Join("; ", summary.Venues.Where(v => v.Error is not null).Select(v => $"{v.Venue}: {v.Error}"));
        return await JobCompletion.FinishAsync(context, request, started, status, summary, error);
    }

    /// <summary>Selects the events whose match may have changed and matches them in batches of event ids.</summary>
    [Function(nameof(RunTmMatchJob))]
    public static async Task<JobOutcome> RunTmMatchJob([OrchestrationTrigger] TaskOrchestrationContext context, JobRequest request)
    {
        var started = context.CurrentUtcDateTime;
        var plan = await context.CallActivityAsync<TmMatchPlan>(
            nameof(TicketmasterActivities.PlanTmMatch), new PlanTmMatchInput(new DateTimeOffset(started, TimeSpan.Zero), request.Force, request.Limit), DurableRetry.Bookkeeping);
        if (plan.SkipReason is not null)
        {
            return await JobCompletion.FinishAsync<TmMatchSummary>(context, request, started, JobRunStatus.Skipped, null, plan.SkipReason);
        }

        var results = await FanOut.ActivitiesAsync(
            context, JobNames.TmMatch, plan.Batches, request.Settings.BatchParallelism, nameof(TicketmasterActivities.MatchTmBatch), DurableRetry.ExternalApi(request.Settings),
            (batch, message) => new TmBatchResult(0, 0, 0, 0, 0, 0, 0, 0, batch.EventIds.Count, Error: $"batch {batch.Number}: {message}"), r => r.Errors > 0);
        var summary = TmMatchSummary.From(plan.CacheSize, results);
        var status = summary.Errors == 0 ? JobRunStatus.Succeeded
            : summary.Processed == 0 ? JobRunStatus.Failed
            : JobRunStatus.Partial;
        var error = summary.Errors == 0 ? null
            : $"{summary.Errors} event(s) not decided" + (summary.Failures.Count > 0 ? ": " + string.Join("; ", summary.Failures) : string.Empty);
        return await JobCompletion.FinishAsync(context, request, started, status, summary, error);
    }
}
