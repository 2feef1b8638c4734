using RyesVP.Domain.Events;
using RyesVP.Domain.Ticketmaster;

namespace RyesVP.Domain.Enrichment;

/// <summary>When a Spotify or Knowledge Graph hit is the thing we searched for.</summary>
public static class LookupRules
{
    /// <summary>
    /// The web app's isConfidentMatch (existing-app §4.6): floor 10, exact ≥ 15, containment ≥ 20, a shared word of
    /// 3+ letters ≥ 30. Without popularity (development-mode apps no longer get it) only an exact name is accepted.
    /// </summary>
    public static bool SpotifyConfident(string query, SpotifyArtist artist)
    {
        var q = query.Trim().ToLowerInvariant();
        var n = artist.Name.Trim().ToLowerInvariant();
        if (artist.Popularity is not { } popularity)
        {
            return q == n || TmSimilarity.Normalize(q) == TmSimilarity.Normalize(n);
        }

        if (popularity < 10)
        {
            return false;
        }

        if (q == n)
        {
            return popularity >= 15;
        }

        if (q.Contains(n, StringComparison.Ordinal) || n.Contains(q, StringComparison.Ordinal))
        {
            return popularity >= 20;
        }

        var words = n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).ToList();
        var overlap = q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2)
            .Any(w => words.Any(x => x == w || x.Contains(w, StringComparison.Ordinal) || w.Contains(x, StringComparison.Ordinal)));
        return overlap && popularity >= 30;
    }

    private static readonly Dictionary<EventCategory, string[]> KgTypes = new()
    {
        [EventCategory.COMEDY] = ["Person", "Comedian"],
        [EventCategory.THEATER] = ["Person", "TheaterGroup", "TheaterEvent", "Play", "Musical", "CreativeWork", "Organization", "PerformingGroup", "Event"],
        [EventCategory.MOVIE] = ["Movie", "Film", "TVSeries", "TVEpisode", "CreativeWork", "Person"],
    };

    /// <summary>
    /// A Knowledge Graph hit is accepted only above the score floor, with a type that fits the category (a comedian
    /// is a Person, not a MusicAlbum of the same name) and a name that is the query's (similarity ≥ 0.7).
    /// </summary>
    public static bool KnowledgeGraphAccepted(string query, KgHit hit, EventCategory category, double minScore) =>
        hit.Score >= minScore
        && (!KgTypes.TryGetValue(category, out var wanted) || hit.Types.Any(t => wanted.Contains(t, StringComparer.Ordinal)))
        && TmSimilarity.Calculate(query, hit.Name) >= 0.7;

    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "tba", "tbd", "to be announced", "private event", "closed", "closed for private event", "sold out", "cancelled", "canceled",
    };

    /// <summary>A title with nothing to enrich (a placeholder): the event is SKIPPED without any call.</summary>
    public static bool NothingToLookUp(string title) => string.IsNullOrWhiteSpace(title) || Placeholders.Contains(title.Trim().Trim('.', '!'));
}
