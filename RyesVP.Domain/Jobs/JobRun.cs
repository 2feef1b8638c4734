namespace RyesVP.Domain.Jobs;

public sealed record JobRun(
    string Id,
    string Job,
    string InstanceId,
    string? ParentInstanceId,
    string Trigger,
    string Status,
    DateTime StartedAt,
    DateTime? FinishedAt,
    long? DurationMs,
    string? Summary,
    string? Error);

public static class JobRunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Partial = "partial";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Running, Succeeded, Partial, Failed, Skipped];
}

public static class JobTrigger
{
    public const string Timer = "timer";
    public const string Http = "http";
    public const string Cli = "cli";
    public const string Parent = "parent";
}
