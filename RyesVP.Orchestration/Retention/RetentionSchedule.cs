using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace RyesVP.Orchestration.Retention;

public sealed class RetentionSchedule(RunHistoryRetention retention)
{
    public const string ScheduleSetting = "RetentionSchedule";
    public const string DefaultSchedule = "0 30 9 * * *";

    [Function(nameof(PurgeRunHistory))]
    public Task<RetentionResult> PurgeRunHistory([TimerTrigger("%RetentionSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        retention.PurgeAsync(client, ct);
}
