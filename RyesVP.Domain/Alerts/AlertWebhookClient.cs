using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace RyesVP.Domain.Alerts;

/// <summary>
/// Posts Slack-compatible <c>{"text": …}</c> to ALERT_WEBHOOK_URL. A webhook failure is logged and swallowed: an
/// alert must never fail the run it reports on. The webhook URL is a secret and is never logged.
/// </summary>
public sealed class AlertWebhookClient(HttpClient http, IConfiguration configuration, ILogger<AlertWebhookClient> logger)
{
    public const string UrlSetting = "ALERT_WEBHOOK_URL";

    public static string Text(RunAlert alert, string statusUrl)
    {
        var lines = new List<string> { $":warning: RyesVP {alert.Job} run {alert.InstanceId} ended {alert.Status} after {alert.DurationMs / 1000.0:F1} s" };
        if (alert.FailedSteps.Count > 0)
        {
            lines.Add("Steps not succeeded: " + string.Join(", ", alert.FailedSteps));
        }

        if (!string.IsNullOrWhiteSpace(alert.Error))
        {
            lines.Add("Errors: " + (alert.Error.Length > 1500 ? alert.Error[..1500] + "…" : alert.Error));
        }

        lines.Add("Status: " + statusUrl);
        return string.Join("\n", lines);
    }

    /// <summary>True when posted; false when no webhook is configured or the post failed.</summary>
    public async Task<bool> PostAsync(RunAlert alert, CancellationToken ct)
    {
        var url = configuration[UrlSetting];
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var host = configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } h ? $"https://{h}" : "http://localhost:7071";
        var statusUrl = $"{host}/api/cron/runs/{Uri.EscapeDataString(alert.InstanceId)}";
        try
        {
            using var response = await http.PostAsJsonAsync(url, new { text = Text(alert, statusUrl) }, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("[ALERT] webhook answered {Status} for {InstanceId}", (int)response.StatusCode, alert.InstanceId);
                return false;
            }

            logger.LogInformation("[ALERT] posted for {InstanceId} ({Status})", alert.InstanceId, alert.Status);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogWarning("[ALERT] webhook failed for {InstanceId}: {Error}", alert.InstanceId, ex.GetType().Name);
            return false;
        }
    }
}
