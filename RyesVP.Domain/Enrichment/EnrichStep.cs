using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RyesVP.Domain.Events;
using RyesVP.Domain.Llm;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Enrichment;

public sealed record EnrichPlan(int Selected, IReadOnlyList<EnrichBatch> Batches, string? SkipReason = null, IReadOnlyList<string>? Missing = null);

public sealed record EnrichBatch(int Number, IReadOnlyList<string> EventIds);

public sealed record EnrichBatchResult(
    int Processed,
    int Completed,
    int Partial,
    int Failed,
    int Skipped,
    int CategoriesUpdated,
    int LlmCalls,
    int PromptTokens,
    int CompletionTokens,
    int KgCalls,
    int SpotifyCalls,
    int NotAttempted = 0,
    IReadOnlyList<string>? Errors = null);

/// <summary>
/// The enrich step (existing-app §4 with its weaknesses fixed): the whole upcoming backlog soonest first, in batches;
/// strict structured LLM output; lookups accepted only when they are the thing searched for; statuses that mean what
/// they say; category written back only on a confident answer; never deletes rows or Ticketmaster fields.
/// </summary>
public sealed class EnrichStep(
    EnrichStore store,
    EnrichmentLlm llm,
    KnowledgeGraphClient kg,
    SpotifyClient spotify,
    IOptions<EnrichOptions> options,
    ILogger<EnrichStep> logger)
{
    public async Task<EnrichPlan> PlanAsync(DateTimeOffset asOf, bool force, int? limit, CancellationToken ct)
    {
        if (!llm.Available)
        {
            return new EnrichPlan(0, [], $"skipped: {LlmClient.KeySetting} not set");
        }

        var o = options.Value;
        var from = AustinTime.StartOfDayUtc(AustinTime.Today(asOf));
        var ids = await store.SelectAsync(from, asOf.UtcDateTime.AddMinutes(-o.StuckProcessingMinutes), o.MaxRetries, force, limit, ct);
        var missing = new List<string>();
        if (!kg.HasKey)
        {
            missing.Add(KnowledgeGraphClient.KeySetting);
        }

        if (!spotify.HasCredentials)
        {
            missing.Add(SpotifyClient.IdSetting + "/" + SpotifyClient.SecretSetting);
        }

        return new EnrichPlan(ids.Count, ids.Chunk(o.BatchSize).Select((c, i) => new EnrichBatch(i + 1, c)).ToList(), null, missing);
    }

    public async Task<EnrichBatchResult> RunBatchAsync(EnrichBatch batch, CancellationToken ct)
    {
        var inputs = await store.LoadAndMarkAsync(batch.EventIds, ct);
        var outcomes = new List<EnrichOutcome>(inputs.Count);
        var t = new Tally();
        string? llmDown = null;
        foreach (var input in inputs)
        {
            if (llmDown is not null)
            {
                outcomes.Add(new EnrichOutcome(input.EventId, EnrichmentStatus.PENDING, null, input.Title, Reset: true));
                continue;
            }

            var outcome = await EnrichOneAsync(input, t, ct);
            if (outcome.Status == EnrichmentStatus.FAILED && outcome.Error is { } error)
            {
                t.Errors.Add($"{input.Title}: {error}");
                if (t.LlmRefusedKey)
                {
                    llmDown = error; // a rejected key fails every call: the rest of the batch stays PENDING for the next run
                }
            }

            outcomes.Add(outcome);
        }

        await store.SaveAsync(outcomes, ct);
        var done = outcomes.Where(o => !o.Reset).ToList();
        return new EnrichBatchResult(
            done.Count,
            done.Count(o => o.Status == EnrichmentStatus.COMPLETED),
            done.Count(o => o.Status == EnrichmentStatus.PARTIAL),
            done.Count(o => o.Status == EnrichmentStatus.FAILED),
            done.Count(o => o.Status == EnrichmentStatus.SKIPPED),
            done.Count(o => o.NewCategory is not null),
            t.LlmCalls,
            t.PromptTokens,
            t.CompletionTokens,
            t.KgCalls,
            t.SpotifyCalls,
            outcomes.Count(o => o.Reset),
            t.Errors.Take(10).ToList());
    }

    private async Task<EnrichOutcome> EnrichOneAsync(EnrichInput e, Tally t, CancellationToken ct)
    {
        if (LookupRules.NothingToLookUp(e.Title))
        {
            return new EnrichOutcome(e.EventId, EnrichmentStatus.SKIPPED, "nothing to look up (placeholder title)", e.Title);
        }

        var current = Enum.TryParse<EventCategory>(e.Category, out var c) ? c : EventCategory.OTHER;
        LlmCategorization? result;
        string? problem;
        try
        {
            t.LlmCalls++;
            (result, problem, var prompt, var completion) = await llm.CategorizeAsync(
                new EnrichmentLlm.Input(e.Title, e.VenueName, e.StartUtc, e.Description, e.Url, current, e.TmSegment, e.TmGenre, e.TmSubGenre), ct);
            t.PromptTokens += prompt;
            t.CompletionTokens += completion;
        }
        catch (LlmException ex)
        {
            t.LlmRefusedKey = ex.Status is 401 or 403;
            return new EnrichOutcome(e.EventId, EnrichmentStatus.FAILED, ex.Message, e.Title);
        }

        if (result is null)
        {
            return new EnrichOutcome(e.EventId, EnrichmentStatus.FAILED, problem, e.Title);
        }

        var term = result.Performer ?? e.Title;
        KgHit? kgHit = null;
        SpotifyArtist? artist = null;
        var notes = new List<string>();
        try
        {
            if (result.Category == EventCategory.CONCERT && spotify.HasCredentials)
            {
                t.SpotifyCalls++;
                var artists = await spotify.SearchArtistsAsync(term, 5, ct);
                artist = artists.FirstOrDefault(a => LookupRules.SpotifyConfident(term, a));
                if (artist is null)
                {
                    notes.Add(artists.Count == 0 ? "spotify: no artist found" : $"spotify: no confident match for \"{term}\"");
                }
            }
            else if (result.Category is EventCategory.COMEDY or EventCategory.THEATER or EventCategory.MOVIE && result.Performer is not null && kg.HasKey)
            {
                t.KgCalls++;
                var hits = await kg.SearchAsync(term, 3, ct);
                kgHit = hits.Where(h => LookupRules.KnowledgeGraphAccepted(term, h, result.Category, options.Value.KnowledgeGraphMinScore))
                    .OrderByDescending(h => Ticketmaster.TmSimilarity.Calculate(term, h.Name)).ThenByDescending(h => h.Score).FirstOrDefault();
                if (kgHit is null)
                {
                    notes.Add(hits.Count == 0 ? "knowledge graph: nothing found" : $"knowledge graph: no {result.Category} hit named \"{term}\" above score {options.Value.KnowledgeGraphMinScore}");
                }
            }
        }
        catch (LookupException ex)
        {
            notes.Add(ex.Message);
            logger.LogWarning("enrich: lookup failed for {EventId}: {Message}", e.EventId, ex.Message);
        }

        var status = kgHit is not null || artist is not null ? EnrichmentStatus.COMPLETED : EnrichmentStatus.PARTIAL;
        // The scraper's specific category stands unless the model is sure (or it is still OTHER and the model fairly sure).
        var write = result.Category != current && (result.Confidence == "high" || (result.Confidence == "medium" && current == EventCategory.OTHER))
            ? result.Category
            : (EventCategory?)null;
        return new EnrichOutcome(e.EventId, status, notes.Count > 0 ? string.Join("; ", notes) : null, term, result, kgHit, artist, write);
    }

    private sealed class Tally
    {
        public int LlmCalls { get; set; }

        public int PromptTokens { get; set; }

        public int CompletionTokens { get; set; }

        public int KgCalls { get; set; }

        public int SpotifyCalls { get; set; }

        public bool LlmRefusedKey { get; set; }

        public List<string> Errors { get; } = [];
    }
}
