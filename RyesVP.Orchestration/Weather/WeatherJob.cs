using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Weather;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Orchestration.Weather;

public static class WeatherJob
{
    /// <summary>Plan the (location, Austin date) pairs that need a forecast, then one activity per location.</summary>
    [Function(nameof(RunWeatherJob))]
    public static async Task<JobOutcome> RunWeatherJob([OrchestrationTrigger] TaskOrchestrationContext context, JobRequest request)
    {
        var started = context.CurrentUtcDateTime;
        var retry = DurableRetry.ExternalApi(request.Settings);
        string status;
        string? error = null;
        WeatherSummary? summary = null;
        try
        {
            var plan = await context.CallActivityAsync<WeatherPlan>(
                nameof(WeatherActivities.PlanWeatherPrecache), new PlanWeatherInput(new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)), DurableRetry.Bookkeeping);
            if (plan.SkipReason is not null)
            {
                return await JobCompletion.FinishAsync<WeatherSummary>(context, request, started, JobRunStatus.Skipped, null, plan.SkipReason);
            }

            var done = 0;
            var failures = 0;
            context.SetCustomStatus(new JobProgress(JobNames.WeatherPrecache, 0, plan.Locations.Count, 0));
            var results = await FanOut.RunAsync(
                plan.Locations,
                request.Settings.Parallelism,
                location => FanOut.CallOrRecordFailureAsync(
                    context, nameof(WeatherActivities.PrecacheWeatherLocation), location, retry,
                    message => new WeatherLocationResult(location.Lat, location.Lng, 0, 1, message)),
                result =>
                {
                    done++;
                    failures += result.Error is null ? 0 : 1;
                    context.SetCustomStatus(new JobProgress(JobNames.WeatherPrecache, done, plan.Locations.Count, failures));
                });
            summary = WeatherSummary.From(plan, results);
            status = summary.Errors == 0 ? JobRunStatus.Succeeded
                : summary.DatesCached == 0 && summary.Locations > 0 ? JobRunStatus.Failed
                : JobRunStatus.Partial;
            if (summary.Errors > 0)
            {
                error = string.Join("; ", summary.Failures.Select(f => $"({f.Lat}, {f.Lng}): {f.Message}"));
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
