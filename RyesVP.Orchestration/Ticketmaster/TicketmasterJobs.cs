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

        var retry = DurableRetry.ExternalApi(request.Settings);
        var done = 0;
        var failures = 0;
        context.SetCustomStatus(new JobProgress(JobNames.TmDownload, 0, plan.Venues.Count, 0));
        var results = await FanOut.RunAsync(
            plan.Venues,
            request.Settings.Parallelism,
            venue => FanOut.CallOrRecordFailureAsync(
                context, nameof(TicketmasterActivities.DownloadTmVenue), venue, retry,
                message => new TmVenueResult(venue.Venue, 0, 0, 0, 0, message)),
            result =>
            {
                done++;
                failures += result.Error is null ? 0 : 1;
                context.SetCustomStatus(new JobProgress(JobNames.TmDownload, done, plan.Venues.Count, failures, result.Venue));
            });
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

        var retry = DurableRetry.ExternalApi(request.Settings);
        var done = 0;
        var failures = 0;
        context.SetCustomStatus(new JobProgress(JobNames.TmMatch, 0, plan.Batches.Count, 0));
        var results = await FanOut.RunAsync(
            plan.Batches,
            request.Settings.BatchParallelism,
            batch => FanOut.CallOrRecordFailureAsync(
                context, nameof(TicketmasterActivities.MatchTmBatch), batch, retry,
                message => new TmBatchResult(0, 0, 0, 0, 0, 0, 0, 0, batch.EventIds.Count, Error: $"batch {batch.Number}: {message}")),
            result =>
            {
                done++;
                failures += result.Errors > 0 ? 1 : 0;
                context.SetCustomStatus(new JobProgress(JobNames.TmMatch, done, plan.Batches.Count, failures));
            });
        var summary = TmMatchSummary.From(plan.CacheSize, results);
        var status = summary.Errors == 0 ? JobRunStatus.Succeeded
            : summary.Processed == 0 ? JobRunStatus.Failed
            : JobRunStatus.Partial;
        var error = summary.Errors == 0 ? null
            : $"{summary.Errors} event(s) not decided" + (summary.Failures.Count > 0 ? ": " + string.Join("; ", summary.Failures) : string.Empty);
        return await JobCompletion.FinishAsync(context, request, started, status, summary, error);
    }
}
