using System.ComponentModel.DataAnnotations;

namespace RyesVP.Domain.Enrichment;

/// <summary>The enrich step (environment: Enrich__BatchSize=50 …). Keys: OPENAI_API_KEY, GOOGLE_API_KEY, SPOTIFY_CLIENT_ID/SECRET.</summary>
public sealed class EnrichOptions
{
    public const string SectionName = "Enrich";

    /// <summary>Events per activity.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    /// <summary>A row left PROCESSING (a killed run) longer than this is picked up again.</summary>
    [Range(1, 7 * 24 * 60)]
    public int StuckProcessingMinutes { get; set; } = 120;

    /// <summary>FAILED rows are retried while retryCount is below this.</summary>
    [Range(1, 100)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Knowledge Graph hits below this resultScore are not accepted (the old app took any top hit).</summary>
    [Range(0, 100_000)]
    public double KnowledgeGraphMinScore { get; set; } = 50;

    [Required]
    public string KnowledgeGraphBaseUrl { get; set; } = "https://kgsearch.googleapis.com/v1/";

    [Range(0.1, 1000)]
    public double KnowledgeGraphRequestsPerSecond { get; set; } = 10;

    [Required]
    public string SpotifyAccountsBaseUrl { get; set; } = "https://accounts.spotify.com/";

    [Required]
    public string SpotifyApiBaseUrl { get; set; } = "https://api.spotify.com/v1/";

    /// <summary>Spotify publishes no number (a rolling 30-second window); this stays well inside what apps report.</summary>
    [Range(0.1, 1000)]
    public double SpotifyRequestsPerSecond { get; set; } = 5;
}
