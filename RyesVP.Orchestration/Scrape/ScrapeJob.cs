using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Scraping;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Orchestration.Scrape;

public static class ScrapeJob
{
    /// <summary>One activity per venue, bounded parallelism; a venue that still fails after retries is recorded and the rest go on.</summary>
    [Function(nameof(RunScrapeJob))]
    public static async Task<JobOutcome> RunScrapeJob([OrchestrationTrigger] TaskOrchestrationContext context, JobRequest request)
    {
        var started = context.CurrentUtcDateTime;
        var retry = DurableRetry.ExternalApi(request.Settings);
        string status;
        string? error = null;
        ScrapeSummary? summary = null;
        try
        {
            var venues = await context.CallActivityAsync<List<string>>(nameof(ScrapeActivities.ListScrapeVenues), new ListScrapeVenuesInput(request.Venue), DurableRetry.Bookkeeping);
            var asOf = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
            var done = 0;
            var failures = 0;
            context.SetCustomStatus(new JobProgress(JobNames.Scrape, 0, venues.Count, 0));
            var results = await FanOut.RunAsync(
                venues,
                request.Settings.Parallelism,
                venue => FanOut.CallOrRecordFailureAsync(
                    context, nameof(ScrapeActivities.ScrapeVenue), new ScrapeVenueInput(venue, asOf), retry,
                    message => new VenueScrapeResult(venue, false, 0, 0, 0, 0, 0, [], message)),
                result =>
                {
                    done++;
                    failures += result.Succeeded ? 0 : 1;
                    context.SetCustomStatus(new JobProgress(JobNames.Scrape, done, venues.Count, failures, result.Venue));
                });

            // Report venues in catalogue order whatever order they finished in.
            summary = ScrapeSummary.From([.. results.OrderBy(r => venues.IndexOf(r.Venue))]);
            status = summary.Failed == 0 ? JobRunStatus.Succeeded
                : summary.Succeeded == 0 ? JobRunStatus.Failed
                : JobRunStatus.Partial;
            if (summary.Failed > 0)
            {
                error = string.Join("; ", summary.Errors.Select(e => $"{e.Venue}: {e.Message}"));
            }

            if (summary.Warnings.Count > 0)
            {
                // Not a failure, but never a silent success: the run's row names them.
                error = (error is null ? string.Empty : error + "; ") + "health warnings: " + string.Join("; ", summary.Warnings);
            }
        }
        catch (TaskFailedException ex)
        {
            status = JobRunStatus.Failed;
            error = ex.FailureDetails.ErrorMessage;
        }

        return await JobCompletion.FinishAsync(context, request, started, status, summary, error);
    }
}
