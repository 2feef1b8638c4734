using System.ComponentModel.DataAnnotations;

namespace RyesVP.Domain.Ticketmaster;

/// <summary>Ticketmaster download and matching (environment: Ticketmaster__RequestsPerSecond=5 …). The key is TICKETMASTER_API_KEY.</summary>
public sealed class TicketmasterOptions
{
    public const string SectionName = "Ticketmaster";

    /// <summary>Discovery API base, with the trailing slash.</summary>
    [Required]
    public string BaseUrl { get; set; } = "https://app.ticketmaster.com/discovery/v2/";

    /// <summary>One limit for the whole process (the API allows 5 requests a second).</summary>
    [Range(0.1, 50)]
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>Page size (the API refuses more than 200).</summary>
    [Range(1, 200)]
    public int PageSize { get; set; } = 200;

    /// <summary>Default download window in months when the request does not say.</summary>
    [Range(1, 12)]
    public int DefaultMonths { get; set; } = 6;

    /// <summary>A 429 whose reset is further away than this fails the venue instead of waiting.</summary>
    [Range(0, 600)]
    public int MaxRateLimitWaitSeconds { get; set; } = 60;

    /// <summary>Similarity at or above which the top candidate is accepted without the LLM.</summary>
    [Range(0.5, 1)]
    public double AutoAcceptSimilarity { get; set; } = 0.85;

    /// <summary>The LLM is asked only when the best candidate's similarity reaches this floor.</summary>
    [Range(0, 1)]
    public double LlmFloor { get; set; } = 0.4;

    /// <summary>Events per tm-match activity.</summary>
    [Range(1, 5000)]
    public int MatchBatchSize { get; set; } = 250;
}
