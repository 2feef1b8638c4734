using System.ComponentModel.DataAnnotations;

namespace RyesVP.Domain.Jobs;

/// <summary>How long run history is kept (environment: Retention__InstanceDays=30 …).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Finished task-hub instances (history, inputs, outputs) older than this are purged.</summary>
    [Range(1, 3650)]
    public int InstanceDays { get; set; } = 30;

    /// <summary>Finished JobRun rows older than this are deleted; until then their summaries are the long history.</summary>
    [Range(1, 36500)]
    public int JobRunDays { get; set; } = 180;
}
