using System.Text.Json;

namespace RyesVP.Orchestration.Jobs;

/// <summary>Settings fixed when a run starts, so that replays see the same values.</summary>
public sealed record JobSettings(int Parallelism, int RetryAttempts, double RetryFirstIntervalSeconds, int BatchParallelism = 4, IReadOnlyList<string>? DisabledSteps = null);

/// <summary>The input of every job orchestrator (and of DailyRefresh).</summary>
public sealed record JobRequest(
    string Job,
    string Trigger,
    JobSettings Settings,
    string? Venue = null,
    bool Force = false,
    int? Limit = null,
    int? Months = null,
    string? ParentInstanceId = null);

/// <summary>The output of every job orchestrator: status plus the job's own summary object.</summary>
public sealed record JobOutcome(
    string Job,
    string InstanceId,
    string Status,
    long DurationMs,
    JsonElement? Summary,
    string? Error);

public sealed record JobProgress(string Step, int Done, int Total, int Failures, string? Current = null, IReadOnlyList<string>? Steps = null);

public sealed record BeginJobStepInput(string Job, string InstanceId, string ParentInstanceId);

public sealed record BeginJobStepResult(bool Started, string? Reason);

public sealed record FinishJobRunInput(string InstanceId, string Status, string? SummaryJson, string? Error);
