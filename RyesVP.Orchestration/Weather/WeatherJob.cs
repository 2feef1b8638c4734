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

            var results = await FanOut.ActivitiesAsync(
                context, JobNames.WeatherPrecache, plan.Locations, request.Settings.Parallelism, nameof(WeatherActivities.PrecacheWeatherLocation), retry,
                (location, message) => new WeatherLocationResult(location.Lat, location.Lng, 0, 1, message), r => r.Error is not null);
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
