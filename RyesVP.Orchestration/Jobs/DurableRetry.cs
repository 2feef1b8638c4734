using Microsoft.DurableTask;

namespace RyesVP.Orchestration.Jobs;

internal static class DurableRetry
{
    /// <summary>
    /// Retry for activities that touch external sites or the database: exponential backoff from the run's settings.
    /// Permanent failures come back as results, so whatever is thrown is worth another try.
    /// </summary>
    public static TaskOptions ExternalApi(JobSettings settings) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: settings.RetryAttempts,
        firstRetryInterval: TimeSpan.FromSeconds(settings.RetryFirstIntervalSeconds),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <summary>Bookkeeping against our own database: a few quick retries.</summary>
    public static readonly TaskOptions Bookkeeping = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromSeconds(30)));
}
