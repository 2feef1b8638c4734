namespace RyesVP.Domain.Alerts;

/// <summary>What an alert says about a run that ended failed or partial.</summary>
public sealed record RunAlert(string Job, string InstanceId, string Status, long DurationMs, string? Error, IReadOnlyList<string> FailedSteps);
