using RyesVP.Domain.Ticketmaster;

namespace RyesVP.Orchestration.Ticketmaster;

public sealed record PlanTmDownloadInput(DateTimeOffset AsOf, int? Months);

public sealed record PlanTmMatchInput(DateTimeOffset AsOf, bool Force, int? Limit);

public sealed record TmVenueSummary(string Venue, int Events, string? Error = null, string? Warning = null);

/// <summary>The tm-download summary.</summary>
public sealed record TmDownloadSummary(int VenuesProcessed, int EventsDownloaded, int Pages, int ApiCalls, int Errors, IReadOnlyList<TmVenueSummary> Venues)
{
    public static TmDownloadSummary From(IReadOnlyList<TmVenueResult> results) => new(
        results.Count,
        results.Where(r => r.Error is null).Sum(r => r.Events),
        results.Sum(r => r.Pages),
        results.Sum(r => r.ApiCalls),
        results.Count(r => r.Error is not null),
        results.OrderBy(r => r.Venue, StringComparer.Ordinal).Select(r => new TmVenueSummary(r.Venue, r.Events, r.Error, r.Warning)).ToList());
}

/// <summary>The tm-match summary.</summary>
public sealed record TmMatchSummary(
    int Processed,
    int Matched,
    int Reused,
    int AutoMatched,
    int LlmMatched,
    int NoMatch,
    int Cleared,
    int LlmCalls,
    int Errors,
    long CacheSize,
    int Batches,
    int PromptTokens,
    int CompletionTokens,
    IReadOnlyList<string> Failures)
{
    public static TmMatchSummary From(long cacheSize, IReadOnlyList<TmBatchResult> results) => new(
        results.Sum(r => r.Processed),
        results.Sum(r => r.Matched),
        results.Sum(r => r.Reused),
        results.Sum(r => r.AutoMatched),
        results.Sum(r => r.LlmMatched),
        results.Sum(r => r.NoMatch),
        results.Sum(r => r.Cleared),
        results.Sum(r => r.LlmCalls),
        results.Sum(r => r.Errors),
        cacheSize,
        results.Count,
        results.Sum(r => r.PromptTokens),
        results.Sum(r => r.CompletionTokens),
        results.Where(r => r.Error is not null).Select(r => r.Error!).Distinct(StringComparer.Ordinal).ToList());
}
