namespace RyesVP.Domain.Scraping;

/// <summary>One venue's outcome; small enough to be an activity result.</summary>
public sealed record VenueScrapeResult(
    string Venue,
    bool Succeeded,
    int Events,
    int Created,
    int Updated,
    int Unchanged,
    int ProblemCount,
    IReadOnlyList<string> Problems,
    string? Error,
    VenueHealth? Health = null);
