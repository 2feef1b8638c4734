using RyesVP.Domain.Time;

namespace RyesVP.Domain.Events;

/// <summary>
/// Decides which stored row each scraped event is, with the web app's keys: (source, sourceEventId) first, then
/// same venue + same Austin day + same normalised title. Unlike the old app, a row is claimed by one scraped
/// event only, and the nearest start time wins, so a matinee and an evening show stay two rows.
/// </summary>
public static class EventMatcher
{
    public sealed record StoredEvent(string Id, string VenueId, string Title, DateTime StartDateTime, string? SourceEventId);

    public sealed record Incoming(ScrapedEvent Event, string VenueId);

    public static IReadOnlyList<(Incoming Incoming, string? ExistingId)> Match(
        IReadOnlyList<Incoming> incoming, IReadOnlyList<StoredEvent> stored)
    {
        var bySourceId = stored.Where(s => s.SourceEventId is not null)
            .GroupBy(s => s.SourceEventId!)
            .ToDictionary(g => g.Key, g => g.First());
        var claimed = new HashSet<string>();
        var result = new (Incoming, string?)[incoming.Count];

        for (var i = 0; i < incoming.Count; i++)
        {
            var sid = incoming[i].Event.SourceEventId;
            if (sid is not null && bySourceId.TryGetValue(sid, out var hit) && claimed.Add(hit.Id))
            {
                result[i] = (incoming[i], hit.Id);
            }
        }

        // Rows whose sourceEventId another scraped event carries belong to that event, even if it matched nothing yet.
        var incomingIds = incoming.Select(x => x.Event.SourceEventId).Where(s => s is not null).ToHashSet();
        var byDayTitle = stored
            .GroupBy(s => (s.VenueId, AustinTime.LocalDate(s.StartDateTime), TitleNormalizer.Normalize(s.Title)))
            .ToDictionary(g => g.Key, g => g.ToList());

        for (var i = 0; i < incoming.Count; i++)
        {
            if (result[i].Item1 is not null)
            {
                continue;
            }

            var e = incoming[i].Event;
            var key = (incoming[i].VenueId, AustinTime.LocalDate(e.StartDateTime), TitleNormalizer.Normalize(e.Title));
            string? chosen = null;
            if (byDayTitle.TryGetValue(key, out var candidates))
            {
                chosen = candidates
                    .Where(c => !claimed.Contains(c.Id))
                    .Where(c => c.SourceEventId is null || !incomingIds.Contains(c.SourceEventId))
                    .OrderBy(c => Math.Abs((c.StartDateTime - e.StartDateTime).Ticks))
                    .Select(c => c.Id)
                    .FirstOrDefault();
            }

            if (chosen is not null)
            {
                claimed.Add(chosen);
            }

            result[i] = (incoming[i], chosen);
        }

        return result;
    }
}
