using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RyesVP.Domain.Llm;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Ticketmaster;

public sealed record TmMatchPlan(long CacheSize, IReadOnlyList<TmMatchBatch> Batches, string? SkipReason = null);

public sealed record TmMatchBatch(int Number, IReadOnlyList<string> EventIds, bool Force);

/// <summary>One batch's counts (summed into the step summary).</summary>
public sealed record TmBatchResult(
    int Processed,
    int Matched,
    int Reused,
    int AutoMatched,
    int LlmMatched,
    int NoMatch,
    int Cleared,
    int LlmCalls,
    int Errors,
    int PromptTokens = 0,
    int CompletionTokens = 0,
    string? Error = null);

/// <summary>
/// The tm-match step: candidates are cache rows at the same venue on the same Austin date (the old job compared a
/// UTC date); decisions by <see cref="TmMatcher"/>; an LLM answer is stored with its exact question, so an unchanged
/// cache costs no LLM call at all.
/// </summary>
public sealed class TmMatchStep(TmMatchStore store, TmCacheStore cache, TmMatchLlm llm, IOptions<TicketmasterOptions> options, ILogger<TmMatchStep> logger)
{
    public async Task<TmMatchPlan> PlanAsync(DateTimeOffset asOf, bool force, int? limit, CancellationToken ct)
    {
        var size = await cache.CountAsync(ct);
        if (size == 0)
        {
            return new TmMatchPlan(0, [], "skipped: cache empty");
        }

        var from = AustinTime.StartOfDayUtc(AustinTime.Today(asOf));
        var ids = await store.SelectAsync(from, force, limit, ct);
        var batches = ids.Chunk(options.Value.MatchBatchSize).Select((c, i) => new TmMatchBatch(i + 1, c, force)).ToList();
        return new TmMatchPlan(size, batches);
    }

    public async Task<TmBatchResult> RunBatchAsync(TmMatchBatch batch, CancellationToken ct)
    {
        var (events, candidates, stored) = await store.LoadBatchAsync(batch.EventIds, ct);
        var o = options.Value;
        var matcher = new TmMatcher(o.AutoAcceptSimilarity, o.LlmFloor);
        var calls = 0;
        var prompt = 0;
        var completion = 0;
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var picks = new List<TmStoredPick>();
        string? llmDown = null;

        async Task<TmLlmPick?> AskAsync(TmLlmQuestion q)
        {
            var key = TmMatchLlm.QuestionKey(q);
            if (!batch.Force && stored.TryGetValue(q.Event.EventId, out var known) && known.QuestionKey == key)
            {
                return new TmLlmPick(known.TmEventId, known.Confidence, known.PreferTitle, known.Reason);
            }

            if (llmDown is not null)
            {
                failed.Add(q.Event.EventId);
                return null;
            }

            try
            {
                var (pick, usage) = await llm.AskAsync(q, ct);
                calls += usage.Calls;
                prompt += usage.PromptTokens;
                completion += usage.CompletionTokens;
                if (pick is not null)
                {
                    picks.Add(new TmStoredPick(q.Event.EventId, key, pick.TmEventId, pick.Confidence, pick.PreferTitle, pick.Reason));
                }

                return pick;
            }
            catch (LlmException ex)
            {
                calls++;
                failed.Add(q.Event.EventId);
                if (!ex.IsTransient)
                {
                    llmDown = ex.Message; // a refused key fails every call: stop asking in this batch
                }

                logger.LogWarning("tm-match: LLM failed for event {EventId}: {Message}", q.Event.EventId, ex.Message);
                return null;
            }
        }

        var decisions = await matcher.DecideAsync(
            events,
            e => candidates[(e.VenueSlug, AustinTime.LocalDate(e.StartUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))].ToList(),
            llm.Available ? AskAsync : null,
            reuse: !batch.Force);

        var matches = decisions.Where(d => d.TmEventId is not null).ToList();
        // A previous match is cleared only on evidence (gone from the cache for that day, or the LLM said none);
        // an event whose LLM call failed is left as it was and not marked checked, so the next run asks again.
        var byId = events.ToDictionary(e => e.EventId, StringComparer.Ordinal);
        var cleared = decisions.Where(d => d.TmEventId is null && d.Rejected && byId[d.EventId].PreviousTmEventId is not null && !failed.Contains(d.EventId))
            .Select(d => d.EventId).ToList();
        var checkedOnly = decisions.Where(d => d.TmEventId is null && !cleared.Contains(d.EventId) && !failed.Contains(d.EventId))
            .Select(d => d.EventId).ToList();
        await store.WriteAsync(new TmMatchWrites(matches, cleared, checkedOnly, picks), ct);

        return new TmBatchResult(
            Processed: events.Count,
            Matched: matches.Count,
            Reused: decisions.Count(d => d.Kind == TmDecisionKind.Reused),
            AutoMatched: decisions.Count(d => d.Kind == TmDecisionKind.Auto),
            LlmMatched: decisions.Count(d => d.Kind == TmDecisionKind.Llm),
            NoMatch: decisions.Count(d => d.Kind == TmDecisionKind.NoMatch),
            Cleared: cleared.Count,
            LlmCalls: calls,
            Errors: failed.Count,
            PromptTokens: prompt,
            CompletionTokens: completion,
            Error: llmDown);
    }
}
