namespace RyesVP.Orchestration.Daily;

public sealed record StepResult(string Step, string InstanceId, string Status, long DurationMs, string? Error, System.Text.Json.JsonElement? Summary);

public sealed record DailySummary(int Steps, int Succeeded, int Partial, int Failed, int Skipped, IReadOnlyList<StepResult> Results);
