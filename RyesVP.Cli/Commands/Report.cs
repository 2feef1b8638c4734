using System.Text.Json;
using RyesVP.Orchestration;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Cli.Commands;

/// <summary>Console rendering of run outcomes: one table per job kind, then the raw summary on request.</summary>
internal static class Report
{
    public static void Outcome(JobOutcome outcome, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{outcome.Job} {outcome.Status} in {outcome.DurationMs} ms   instance {outcome.InstanceId}");
        if (outcome.Summary is { ValueKind: JsonValueKind.Object } summary)
        {
            if (summary.TryGetProperty("results", out var results) && summary.TryGetProperty("steps", out _))
            {
                Steps(results, output);
            }
            else if (summary.TryGetProperty("results", out var venues))
            {
                Venues(venues, output);
            }
        }

        if (outcome.Error is { } error)
        {
            output.WriteLine($"error: {error}");
        }
    }

    public static void Steps(JsonElement results, TextWriter output)
    {
        output.WriteLine($"{"step",-18} {"status",-10} {"duration",10}  counts");
        foreach (var step in results.EnumerateArray())
        {
            var counts = step.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.Object
                ? string.Join(", ", s.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => $"{p.Name}={p.Value}"))
                : string.Empty;
            output.WriteLine($"{Str(step, "step"),-18} {Str(step, "status"),-10} {Str(step, "durationMs") + " ms",10}  {counts}");
            if (step.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String)
            {
                output.WriteLine($"{string.Empty,-18} {e.GetString()}");
            }
        }
    }

    public static void Venues(JsonElement results, TextWriter output)
    {
        output.WriteLine($"{"venue",-22} {"ok",-4} {"events",7} {"created",8} {"updated",8} {"same",6} {"problems",9}");
        foreach (var v in results.EnumerateArray())
        {
            var ok = v.GetProperty("succeeded").GetBoolean();
            output.WriteLine($"{Str(v, "venue"),-22} {(ok ? "yes" : "NO"),-4} {Str(v, "events"),7} {Str(v, "created"),8} {Str(v, "updated"),8} {Str(v, "unchanged"),6} {Str(v, "problemCount"),9}");
            if (!ok)
            {
                output.WriteLine($"{string.Empty,-22} {Str(v, "error")}");
            }
        }
    }

    private static readonly JsonSerializerOptions Indented = new(RyesVPJson.Options) { WriteIndented = true };

    public static void Json(object value, TextWriter output) => output.WriteLine(JsonSerializer.Serialize(value, Indented));

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText() : string.Empty;
}
