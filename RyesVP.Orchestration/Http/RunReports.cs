using System.Text.Json;
using Microsoft.DurableTask.Client;
using RyesVP.Domain.Jobs;

namespace RyesVP.Orchestration.Http;

/// <summary>What the status endpoint and `ryesvp status` show for a run: task-hub state plus the JobRun rows.</summary>
public static class RunReports
{
    public static async Task<object?> DescribeAsync(DurableTaskClient client, JobRunStore runs, string instanceId, CancellationToken ct)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct);
        var rows = await runs.ForInstanceAsync(instanceId, ct);
        var own = rows.LastOrDefault(r => r.InstanceId == instanceId);
        if (metadata is null && own is null)
        {
            return null;
        }

        return new
        {
            instanceId,
            job = own?.Job,
            trigger = own?.Trigger,
            status = own?.Status,
            runtimeStatus = metadata?.RuntimeStatus.ToString(),
            createdAt = metadata?.CreatedAt,
            lastUpdatedAt = metadata?.LastUpdatedAt,
            startedAt = Utc(own?.StartedAt),
            finishedAt = Utc(own?.FinishedAt),
            durationMs = own?.DurationMs,
            progress = Parse(metadata?.SerializedCustomStatus),
            summary = Parse(own?.Summary),
            error = own?.Error,
            failure = metadata?.FailureDetails is { } f ? new { f.ErrorType, f.ErrorMessage } : null,
            steps = rows.Where(r => r.ParentInstanceId == instanceId).Select(Row).ToList(),
        };
    }

    public static object Row(JobRun r) => new
    {
        r.InstanceId,
        r.Job,
        r.Trigger,
        r.Status,
        parentInstanceId = r.ParentInstanceId,
        startedAt = Utc(r.StartedAt),
        finishedAt = Utc(r.FinishedAt),
        r.DurationMs,
        summary = Parse(r.Summary),
        r.Error,
    };

    public static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    public static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
