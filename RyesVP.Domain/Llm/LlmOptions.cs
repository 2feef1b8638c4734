using System.ComponentModel.DataAnnotations;

namespace RyesVP.Domain.Llm;

/// <summary>OpenAI chat completions (environment: OpenAI__Model=gpt-4o-mini …). The key is OPENAI_API_KEY.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "OpenAI";

    /// <summary>The API base including /v1 (the SDK appends /chat/completions); tests point it at a fake.</summary>
    [Required]
    public string BaseUrl { get; set; } = "https://api.openai.com/v1";

    /// <summary>Model for enrichment (category, performer, description).</summary>
    [Required]
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Model for Ticketmaster disambiguation (the old app used gpt-4o; the structured answer needs no more than mini).</summary>
    [Required]
    public string MatchModel { get; set; } = "gpt-4o-mini";

    /// <summary>Requests per minute allowed to all activities of one process together.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 500;

    /// <summary>Tokens per minute (prompt estimate plus the completion cap) for all activities of one process together.</summary>
    [Range(100, 100_000_000)]
    public int TokensPerMinute { get; set; } = 200_000;

    /// <summary>SDK retries of one call (408, 429 honouring retry-after, 5xx, timeouts).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}
