using Microsoft.Extensions.Options;
using RyesVP.Domain.Venues;

namespace RyesVP.Domain.Ticketmaster;

/// <summary>One mapped venue's download window.</summary>
public sealed record TmVenueWindow(string Venue, string TmVenueId, DateTime FromUtc, DateTime ToUtc);

public sealed record TmDownloadPlan(IReadOnlyList<TmVenueWindow> Venues, string? SkipReason = null);

/// <summary>One venue's download: rows stored (only when complete), pages, API calls, or the reason it failed.</summary>
public sealed record TmVenueResult(string Venue, int Events, int Pages, int ApiCalls, int WithoutDate, string? Error = null, string? Warning = null);

/// <summary>
/// The tm-download step: every page of every mapped venue within the API's paging depth (the window is halved while a
/// venue has more than the depth allows), then the venue's rows replaced in one transaction. A failed venue keeps
/// its previous rows (the old job emptied the whole table first).
/// </summary>
public sealed class TmDownloadStep(TicketmasterClient client, TmCacheStore cache, IOptions<TicketmasterOptions> options)
{
    /// <summary>The API serves items only while size × page &lt; 1000.</summary>
    public const int MaxDepth = 1000;

    public bool HasKey => client.HasKey;

    public TmDownloadPlan Plan(DateTimeOffset asOf, int? months)
    {
        if (!client.HasKey)
        {
            return new TmDownloadPlan([], $"skipped: {TicketmasterClient.KeySetting} not set");
        }

        var from = new DateTime(asOf.UtcDateTime.Ticks - (asOf.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var to = from.AddMonths(months ?? options.Value.DefaultMonths);
        return new TmDownloadPlan(VenueCatalog.All
            .Where(v => v.TicketmasterVenueId is not null)
            .Select(v => new TmVenueWindow(v.Slug, v.TicketmasterVenueId!, from, to))
            .ToList());
    }

    public async Task<TmVenueResult> DownloadVenueAsync(TmVenueWindow venue, CancellationToken ct)
    {
        var rows = new Dictionary<string, TmCacheRow>(StringComparer.Ordinal);
        var tally = new Tally();
        try
        {
            await FetchAsync(venue, venue.FromUtc, venue.ToUtc, rows, tally, ct);
        }
        catch (TicketmasterApiException ex) when (!ex.IsTransient)
        {
            return new TmVenueResult(venue.Venue, 0, tally.Pages, tally.Calls, tally.WithoutDate, ex.Message);
        }

        var ordered = rows.Values.OrderBy(r => r.StartDateTime).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var stored = await cache.ReplaceVenueAsync(venue.Venue, ordered, ct);
        return new TmVenueResult(venue.Venue, stored, tally.Pages, tally.Calls, tally.WithoutDate, null, tally.Warning);
    }

    private async Task FetchAsync(TmVenueWindow venue, DateTime from, DateTime to, Dictionary<string, TmCacheRow> rows, Tally tally, CancellationToken ct)
    {
        var size = options.Value.PageSize;
        var first = await client.SearchEventsAsync(venue.Venue, venue.TmVenueId, from, to, 0, ct);
        tally.Calls++;
        if (first.TotalElements > MaxDepth / size * size && to - from > TimeSpan.FromHours(2))
        {
            // Too deep for one window: halve it (the halves share their edge second; ids de-duplicate).
            var mid = from.AddTicks((to - from).Ticks / 2);
            mid = new DateTime(mid.Ticks - (mid.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            await FetchAsync(venue, from, mid, rows, tally, ct);
            await FetchAsync(venue, mid, to, rows, tally, ct);
            return;
        }

        Add(first);
        for (var page = 1; page < first.TotalPages && (page + 1) * size <= MaxDepth; page++)
        {
            var next = await client.SearchEventsAsync(venue.Venue, venue.TmVenueId, from, to, page, ct);
            tally.Calls++;
            Add(next);
            if (next.Rows.Count + next.WithoutDate == 0)
            {
                break;
            }
        }

        if (first.TotalElements > MaxDepth / size * size)
        {
            tally.Warning = $"more than {MaxDepth} events within two hours from {TicketmasterClient.Timestamp(from)}; the rest is beyond the API's paging depth";
        }

        void Add(TmPage page)
        {
            tally.Pages++;
            tally.WithoutDate += page.WithoutDate;
            foreach (var row in page.Rows)
            {
                rows[row.Id] = row;
            }
        }
    }

    private sealed class Tally
    {
        public int Pages { get; set; }

        public int Calls { get; set; }

        public int WithoutDate { get; set; }

        public string? Warning { get; set; }
    }
}
