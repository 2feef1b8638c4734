namespace RyesVP.Domain.Ticketmaster;

/// <summary>One of our events to match, with what an earlier run stored.</summary>
public sealed record TmMatchEvent(
    string EventId,
    string Title,
    string VenueSlug,
    string VenueName,
    DateTime StartUtc,
    string? PreviousTmEventId = null,
    string? PreviousTmEventName = null,
    double? PreviousConfidence = null,
    bool PreviousPreferTitle = false);

/// <summary>A cache row that could be the event: same venue, same Austin date.</summary>
public sealed record TmCandidate(string Id, string Name, DateTime StartUtc);

public enum TmDecisionKind
{
    Reused,
    Auto,
    Llm,
    NoMatch,
}

/// <summary>The matcher's answer for one event. <see cref="Rejected"/>: the evidence says the old match is wrong.</summary>
public sealed record TmDecision(string EventId, TmDecisionKind Kind, string? TmEventId, double Confidence, bool PreferTitle, string Reason, bool Rejected = false);

/// <summary>The question put to the LLM: our event and the numbered candidates, by start time.</summary>
public sealed record TmLlmQuestion(TmMatchEvent Event, IReadOnlyList<TmCandidate> Candidates);

/// <summary>The LLM's pick: a candidate id (null: none of them), how sure, and whether the TM title reads better.</summary>
public sealed record TmLlmPick(string? TmEventId, string Confidence, bool PreferTitle, string Reason);

/// <summary>
/// Decides matches for a batch of events (existing-app §5.4 with its weaknesses fixed): reuse an unchanged previous
/// match; auto-accept at the similarity line; ask the LLM only above a floor; two of our events on one day never
/// share a TM event — the one nearer in time keeps it.
/// </summary>
public sealed class TmMatcher(double autoAccept, double llmFloor)
{
    /// <summary>What an LLM pick's stored confidence means: high 0.9, medium 0.7 (low picks are not accepted).</summary>
    public static double LlmConfidence(string confidence) => confidence switch
    {
        "high" => 0.9,
        "medium" => 0.7,
        _ => 0,
    };

    public async Task<IReadOnlyList<TmDecision>> DecideAsync(
        IReadOnlyList<TmMatchEvent> events,
        Func<TmMatchEvent, IReadOnlyList<TmCandidate>> candidatesFor,
        Func<TmLlmQuestion, Task<TmLlmPick?>>? llm,
        bool reuse)
    {
        var decisions = new Dictionary<string, TmDecision>(StringComparer.Ordinal);
        foreach (var group in events.GroupBy(e => (e.VenueSlug, Day: Time.AustinTime.LocalDate(e.StartUtc))))
        {
            var members = group.OrderBy(e => e.StartUtc).ToList();
            var all = candidatesFor(members[0]);
            var taken = new Dictionary<string, TmMatchEvent>(StringComparer.Ordinal);
            var pending = new Queue<TmMatchEvent>(members);
            var excluded = members.ToDictionary(m => m.EventId, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
            var rounds = 0;
            while (pending.Count > 0 && rounds++ < members.Count * (all.Count + 2))
            {
                var e = pending.Dequeue();
                var available = all.Where(c => !excluded[e.EventId].Contains(c.Id)).ToList();
                var decision = await DecideOneAsync(e, available, llm, reuse, all.Count);
                decisions[e.EventId] = decision;
                if (decision.TmEventId is not { } id)
                {
                    continue;
                }

                if (taken.TryGetValue(id, out var holder) && holder.EventId != e.EventId)
                {
                    // Two of ours want one TM event: the nearer in time keeps it, the other decides again without it.
                    var start = all.First(c => c.Id == id).StartUtc;
                    var loser = Math.Abs((e.StartUtc - start).Ticks) < Math.Abs((holder.StartUtc - start).Ticks) ? holder : e;
                    if (loser == holder)
                    {
                        taken[id] = e;
                    }

                    excluded[loser.EventId].Add(id);
                    pending.Enqueue(loser);
                }
                else
                {
                    taken[id] = e;
                }
            }
        }

        return events.Select(e => decisions[e.EventId]).ToList();
    }

    private async Task<TmDecision> DecideOneAsync(TmMatchEvent e, List<TmCandidate> candidates, Func<TmLlmQuestion, Task<TmLlmPick?>>? llm, bool reuse, int total)
    {
        if (candidates.Count == 0)
        {
            return NoMatch(e, total == 0 ? "no Ticketmaster event at this venue on this date" : "every candidate went to another of our events", e.PreviousTmEventId is not null);
        }

        if (reuse && e.PreviousTmEventId is { } previous
            && candidates.FirstOrDefault(c => c.Id == previous) is { } same && same.Name == e.PreviousTmEventName)
        {
            return new TmDecision(e.EventId, TmDecisionKind.Reused, same.Id, e.PreviousConfidence ?? autoAccept, e.PreviousPreferTitle, "previous match unchanged");
        }

        var ranked = candidates
            .Select(c => (Candidate: c, Score: TmSimilarity.Calculate(e.Title, c.Name), Distance: Math.Abs((c.StartUtc - e.StartUtc).Ticks)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Distance).ThenBy(x => x.Candidate.Id, StringComparer.Ordinal)
            .ToList();
        var best = ranked[0];
        if (best.Score >= autoAccept)
        {
            return new TmDecision(e.EventId, TmDecisionKind.Auto, best.Candidate.Id, best.Score, best.Candidate.Name.Length > 1.5 * e.Title.Length, $"similarity {best.Score:0.###}");
        }

        var previousGone = e.PreviousTmEventId is { } p && candidates.All(c => c.Id != p);
        if (best.Score < llmFloor)
        {
            return NoMatch(e, $"best similarity {best.Score:0.###} is below the floor {llmFloor:0.##}", previousGone);
        }

        if (llm is null)
        {
            return NoMatch(e, $"best similarity {best.Score:0.###} needs the LLM, which is not configured", previousGone);
        }

        var ordered = candidates.OrderBy(c => c.StartUtc).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var pick = await llm(new TmLlmQuestion(e, ordered));
        if (pick?.TmEventId is { } chosen && ordered.Any(c => c.Id == chosen) && LlmConfidence(pick.Confidence) > 0)
        {
            return new TmDecision(e.EventId, TmDecisionKind.Llm, chosen, LlmConfidence(pick.Confidence), pick.PreferTitle, $"LLM ({pick.Confidence}): {pick.Reason}");
        }

        // An explicit "none of these" is evidence against an earlier match; an unanswered question is not.
        return NoMatch(e, pick is null ? "LLM gave no usable answer" : $"LLM: {pick.Reason}", previousGone || (pick is not null && e.PreviousTmEventId is not null));
    }

    private static TmDecision NoMatch(TmMatchEvent e, string reason, bool rejected) =>
        new(e.EventId, TmDecisionKind.NoMatch, null, 0, false, reason, rejected);
}
