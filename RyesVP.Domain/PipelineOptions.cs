using System.ComponentModel.DataAnnotations;

namespace RyesVP.Domain;

/// <summary>Tuning of the pipeline (environment: Pipeline__ScrapeParallelism=4 …).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>How many venues are scraped at once.</summary>
    [Range(1, 32)]
    public int ScrapeParallelism { get; set; } = 4;

    /// <summary>How many batches (tm-match, enrich) run at once; the shared API rate limits still apply.</summary>
    [Range(1, 64)]
    public int BatchParallelism { get; set; } = 4;

    /// <summary>Daily-run steps to leave out, comma-separated (for example "tm-download,tm-match").</summary>
    public string? DisabledSteps { get; set; }

    public IReadOnlyList<string> DisabledStepList() =>
        (DisabledSteps ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Attempts of an activity that failed with a transient error (durable retry, with backoff).</summary>
    [Range(1, 10)]
    public int ActivityRetryAttempts { get; set; } = 3;

    [Range(0.1, 3600)]
    public double ActivityRetryFirstIntervalSeconds { get; set; } = 10;

    /// <summary>HTTP-level retries of one request (5xx, 408, 429 honouring Retry-After, timeouts).</summary>
    [Range(0, 10)]
    public int HttpRetryAttempts { get; set; } = 3;

    [Range(1, 60000)]
    public int HttpRetryDelayMs { get; set; } = 1000;

    [Range(1, 600)]
    public int HttpTimeoutSeconds { get; set; } = 30;
}
