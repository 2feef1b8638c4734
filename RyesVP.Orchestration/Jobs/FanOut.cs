using Microsoft.DurableTask;

namespace RyesVP.Orchestration.Jobs;

internal static class FanOut
{
    /// <summary>
    /// Runs <paramref name="start"/> for every item with at most <paramref name="parallelism"/> in flight, calling
    /// <paramref name="completed"/> as each finishes. Deterministic: tasks are durable calls and results are taken
    /// in completion order, which the history records.
    /// </summary>
    public static async Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items,
        int parallelism,
        Func<TItem, Task<TResult>> start,
        Action<TResult> completed)
    {
        var results = new List<TResult>(items.Count);
        var inFlight = new List<Task<TResult>>();
        var next = 0;
        while (next < items.Count || inFlight.Count > 0)
        {
            while (next < items.Count && inFlight.Count < Math.Max(1, parallelism))
            {
                inFlight.Add(start(items[next++]));
            }

            var done = await Task.WhenAny(inFlight);
            inFlight.Remove(done);
            var result = await done;
            results.Add(result);
            completed(result);
        }

        return results;
    }

    /// <summary>
    /// Calls one item's activity with retry; when it still fails, the failure becomes that item's result so the
    /// fan-out goes on (a venue or location marked failed with the reason).
    /// </summary>
    public static async Task<TResult> CallOrRecordFailureAsync<TResult>(
        TaskOrchestrationContext context, string activity, object input, TaskOptions retry, Func<string, TResult> failed)
    {
        try
        {
            return await context.CallActivityAsync<TResult>(activity, input, retry);
        }
        catch (TaskFailedException ex)
        {
            return failed(ex.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>
    /// One activity per item with bounded parallelism and retry; a failed item becomes its <paramref name="failed"/>
    /// result; the run's custom status shows done/total/failures as results come in.
    /// </summary>
    public static Task<IReadOnlyList<TResult>> ActivitiesAsync<TItem, TResult>(
        TaskOrchestrationContext context,
        string step,
        IReadOnlyList<TItem> items,
        int parallelism,
        string activity,
        TaskOptions retry,
        Func<TItem, string, TResult> failed,
        Func<TResult, bool> isFailure,
        Func<TResult, string?>? current = null)
        where TItem : notnull
    {
        var done = 0;
        var failures = 0;
        context.SetCustomStatus(new JobProgress(step, 0, items.Count, 0));
        return RunAsync(
            items,
            parallelism,
            item => CallOrRecordFailureAsync(context, activity, item, retry, message => failed(item, message)),
            result =>
            {
                done++;
                failures += isFailure(result) ? 1 : 0;
                context.SetCustomStatus(new JobProgress(step, done, items.Count, failures, current?.Invoke(result)));
            });
    }
}
