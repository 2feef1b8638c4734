namespace RyesVP.Domain.Enrichment;

/// <summary>A Knowledge Graph or Spotify call that failed after the HTTP retries (the event is still enriched without it).</summary>
public sealed class LookupException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;
}
