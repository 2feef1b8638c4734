using Microsoft.Extensions.Logging;
using Npgsql;
using RyesVP.Domain.Events;
using RyesVP.Domain.Http;
using RyesVP.Domain.Jobs;

namespace RyesVP.Domain.Scraping;

/// <summary>The scrape job's work for one venue: fetch, parse, upsert in one transaction.</summary>
public sealed class ScrapeStep(IEnumerable<IVenueScraper> scrapers, EventStore events, JobRunStore runs, ILogger<ScrapeStep> logger)
{
    private const int ProblemsKept = 10;
    private readonly Dictionary<string, IVenueScraper> bySlug = scrapers.ToDictionary(s => s.Slug);

    public IReadOnlyList<string> VenueSlugs => [.. bySlug.Keys];

    public bool HasVenue(string slug) => bySlug.ContainsKey(slug);

    /// <summary>Parses without writing (the dry run).</summary>
    public Task<ParseResult> ParseVenueAsync(string slug, DateTimeOffset asOf, CancellationToken ct) =>
        Scraper(slug).ScrapeAsync(asOf, ct);

    /// <summary>
    /// Scrapes and stores one venue. A permanent failure (layout change, 4xx, replay miss) comes back as a failed
    /// result; a transient one (5xx, timeout, network, database) is thrown so the orchestrator's retry policy applies.
    /// Either way the venue's stored events are untouched unless the whole upsert commits.
    /// </summary>
    public async Task<VenueScrapeResult> RunVenueAsync(string slug, DateTimeOffset asOf, CancellationToken ct)
    {
        ParseResult parsed;
        try
        {
            parsed = await Scraper(slug).ScrapeAsync(asOf, ct);
        }
        catch (ScrapeException ex) when (ex.IsTransient)
        {
            throw new TransientScrapeException(ex.Message, ex);
        }
        catch (ScrapeException ex)
        {
            return Failed(slug, ex.Message);
        }
        catch (HttpReplayMissException ex)
        {
            return Failed(slug, ex.Message);
        }
        catch (Rendering.RenderException ex)
        {
            throw new TransientScrapeException($"{slug}: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransientScrapeException($"{slug}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TransientScrapeException($"{slug}: request timed out", ex);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException or UriFormatException)
        {
            return Failed(slug, $"Unreadable page: {ex.Message}");
        }

        UpsertResult stored;
        try
        {
            stored = await events.UpsertAsync(parsed.Events, ct);
        }
        catch (NpgsqlException ex) when (ex.IsTransient)
        {
            throw new TransientScrapeException($"{slug}: database: {ex.Message}", ex);
        }

        var problems = parsed.Problems.Concat(stored.Errors).ToList();
        foreach (var p in problems.Take(ProblemsKept))
        {
            logger.LogWarning("[SCRAPE] {Venue}: {Problem}", slug, p);
        }

        logger.LogInformation("[SCRAPE] {Venue}: {Events} events ({Created} created, {Updated} updated, {Unchanged} unchanged)",
            slug, parsed.Events.Count, stored.Created, stored.Updated, stored.Unchanged);
        var health = VenueHealth.Of(parsed.Events, await runs.PreviousVenueEventsAsync(slug, ct), asOf);
        foreach (var w in health.Warnings)
        {
            logger.LogWarning("[SCRAPE] {Venue} health: {Warning}", slug, w);
        }

        return new VenueScrapeResult(slug, true, parsed.Events.Count, stored.Created, stored.Updated, stored.Unchanged,
            problems.Count, problems.Take(ProblemsKept).ToList(), null, health);
    }

    private IVenueScraper Scraper(string slug) =>
        bySlug.TryGetValue(slug, out var s) ? s : throw new ArgumentException($"Unknown venue '{slug}'", nameof(slug));

    private VenueScrapeResult Failed(string slug, string message)
    {
        logger.LogWarning("[SCRAPE] {Venue} failed: {Message}", slug, message);
        return new VenueScrapeResult(slug, false, 0, 0, 0, 0, 0, [], message);
    }
}
