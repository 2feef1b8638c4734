using Dapper;
using Npgsql;
using RyesVP.Domain;
using RyesVP.Domain.Events;
using RyesVP.Domain.Ticketmaster;
using RyesVP.Domain.Time;
using RyesVP.Domain.Venues;

namespace RyesVP.Cli.Commands;

/// <summary>
/// ryesvp bench tm-match [--events 5000] [--cache 20000]: matching against a large cache on a fresh database, no LLM
/// (deterministic decisions only), sequential and with 4 batches in parallel. Prints wall time and DB round trips.
/// </summary>
internal static class TmMatchBench
{
    public static async Task<int> RunAsync(Args args, IServiceProvider services, CancellationToken ct)
    {
        var events = int.TryParse(args.Value("events"), out var e) && e > 0 ? e : 5_000;
        var cacheRows = int.TryParse(args.Value("cache"), out var c) && c > 0 ? c : 20_000;
        var url = services.GetRequiredService<IConfiguration>()["DATABASE_URL"] ?? throw new InvalidOperationException("DATABASE_URL not set");
        Console.WriteLine($"tm-match: {events:N0} events against a {cacheRows:N0}-row cache; PostgreSQL {await BenchCommand.ServerVersionAsync(url, ct)}");

        foreach (var parallel in new[] { 1, 4 })
        {
            await BenchCommand.OnFreshDatabaseAsync(url, async (store, db) =>
            {
                var target = db.ConnectionString;
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["DATABASE_URL"] = target,
                    ["OPENAI_API_KEY"] = null,
                }).Build();
                await using var provider = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
                    .AddRyesVPDomain(configuration).BuildServiceProvider();
                await SeedAsync(provider, store, db, events, cacheRows, ct);
                var step = provider.GetRequiredService<TmMatchStep>();
                var matchStore = provider.GetRequiredService<TmMatchStore>();
                var before = matchStore.RoundTrips;
                var (results, elapsed) = await BenchCommand.TimeAsync(async () =>
                {
                    var plan = await step.PlanAsync(DateTimeOffset.UtcNow, false, null, ct);
                    using var gate = new SemaphoreSlim(parallel);
                    return await Task.WhenAll(plan.Batches.Select(async b =>
                    {
                        await gate.WaitAsync(ct);
                        try
                        {
                            return await step.RunBatchAsync(b, ct);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }));
                });
                var trips = matchStore.RoundTrips - before + 1; // + the cache count
                var processed = results.Sum(r => r.Processed);
                if (processed != events)
                {
                    throw new InvalidOperationException($"benchmark sanity check failed: processed {processed} of {events}");
                }

                Console.WriteLine($"batches in parallel {parallel}: {elapsed.TotalMilliseconds,7:F0} ms, {results.Length} batches, {trips} DB round trips, "
                    + $"matched {results.Sum(r => r.Matched):N0} (auto {results.Sum(r => r.AutoMatched):N0}), no match {results.Sum(r => r.NoMatch):N0}, "
                    + $"{processed / elapsed.TotalSeconds:N0} events/s");
                return 0;
            }, ct);
        }

        return 0;
    }

    private static async Task SeedAsync(IServiceProvider provider, EventStore store, NpgsqlDataSource db, int events, int cacheRows, CancellationToken ct)
    {
        var venues = VenueCatalog.All.Where(v => v.TicketmasterVenueId is not null).ToList();
        var first = AustinTime.Today(DateTimeOffset.UtcNow).AddDays(1);
        var cache = provider.GetRequiredService<TmCacheStore>();
        var perVenue = cacheRows / venues.Count;
        for (var v = 0; v < venues.Count; v++)
        {
            var rows = Enumerable.Range(0, perVenue).Select(i =>
            {
                var day = first.AddDays(i % 180);
                var start = AustinTime.ToUtc(day, 12 + (i / 180 % 10), 0);
                return new TmCacheRow
                {
                    Id = $"tm-{v}-{i}",
                    VenueSlug = venues[v].Slug,
                    TmVenueId = venues[v].TicketmasterVenueId!,
                    Name = $"Bench Artist {v}-{i}" + (i % 5 == 4 ? " - World Tour" : string.Empty),
                    LocalDate = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    StartDateTime = start,
                    Url = $"https://www.ticketmaster.com/event/tm-{v}-{i}",
                    Status = "onsale",
                };
            }).ToList();
            await cache.ReplaceVenueAsync(venues[v].Slug, rows, ct);
        }

        // Events: most have an exact listing, some a tour-suffixed one (LLM territory, left unmatched here), some none.
        var scraped = Enumerable.Range(0, events).Select(i =>
        {
            var v = i % venues.Count;
            var n = i / venues.Count;
            var day = first.AddDays(n % 180);
            var title = n < perVenue ? $"Bench Artist {v}-{n}" : $"Unlisted Show {i}";
            return new ScrapedEvent(venues[v].Slug, title, AustinTime.ToUtc(day, 12 + (n / 180 % 10), 0), null, $"bench-{i}");
        }).ToList();
        foreach (var group in scraped.GroupBy(s => s.VenueSlug))
        {
            await store.UpsertAsync(group.ToList(), ct);
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO "Enrichment" ("id", "eventId", "searchQuery", "status", "createdAt", "updatedAt")
            SELECT gen_random_uuid()::text, "id", "title", 'COMPLETED', now(), now() FROM "Event"
            """, cancellationToken: ct));
    }
}
