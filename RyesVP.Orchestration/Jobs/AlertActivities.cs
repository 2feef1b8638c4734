using Microsoft.Azure.Functions.Worker;
using RyesVP.Domain.Alerts;

namespace RyesVP.Orchestration.Jobs;

public sealed class AlertActivities(AlertWebhookClient webhook)
{
    [Function(nameof(PostRunAlert))]
    public Task<bool> PostRunAlert([ActivityTrigger] RunAlert alert, CancellationToken ct) => webhook.PostAsync(alert, ct);
}
