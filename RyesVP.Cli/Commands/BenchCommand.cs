using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RyesVP.Domain.Database;
using RyesVP.Domain.Events;
using RyesVP.Domain.Time;
using RyesVP.Domain.Venues;

namespace RyesVP.Cli.Commands;

/// <summary>
/// ryesvp bench upsert [--events N]: the bulk per-venue upsert against the old one-statement-per-row shape, each on
/// a fresh throwaway database on the DATABASE_URL server, each warmed up first. Prints figures; asserts nothing.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(Args args, IServiceProvider services, CancellationToken ct)
    {
        if (args.Positional.ElementAtOrDefault(1) == "scrape")
        {
            return await ScrapeBench.RunAsync(args, ct);
        }

        if (args.Positional.ElementAtOrDefault(1) == "enrich")
        {
            return await EnrichBench.RunAsync(args, services, ct);
        }

        if (args.Positional.ElementAtOrDefault(1) == "tm-match")
        {
            return await TmMatchBench.RunAsync(args, services, ct);
        }

        if (args.Positional.ElementAtOrDefault(1) != "upsert")
        {
            Console.Error.WriteLine("usage: ryesvp bench upsert [--events N] | ryesvp bench tm-match [--events N] [--cache N] | ryesvp bench enrich [--events N] [--parallelism 1,4,8] | ryesvp bench scrape [--concurrency 1,2]");
            return 2;
        }

        var count = int.TryParse(args.Value("events"), out var n) && n > 0 ? n : 10_000;
        var url = services.GetRequiredService<IConfiguration>()["DATABASE_URL"] ?? throw new InvalidOperationException("DATABASE_URL not set");
        var events = Generate(count);
        Console.WriteLine($"Upserting {count:N0} events for one venue (moody-center); PostgreSQL {await ServerVersionAsync(url, ct)}");

        var bulk = await OnFreshDatabaseAsync(url, async (store, db) =>
        {
            // Warm up (JIT, connection pool, plan cache) on other events, then start from an empty table.
            await store.UpsertAsync(Generate(1_000, offset: 500_000), ct);
            await TruncateAsync(db, ct);
            var insert = await TimeAsync(() => store.UpsertAsync(events, ct));
            var unchanged = await TimeAsync(() => store.UpsertAsync(events, ct));
            var changed = events.Select(e => e with { Title = e.Title + " (updated)" }).ToList();
            var update = await TimeAsync(() => store.UpsertAsync(changed, ct));
            Check(insert.Result.Created == count && unchanged.Result.Unchanged == count && update.Result.Updated == count, "bulk counts");
            return (insert.Elapsed, unchanged.Elapsed, update.Elapsed);
        }, ct);

        var perRow = await OnFreshDatabaseAsync(url, async (store, db) =>
        {
            await store.UpsertOneByOneAsync(Generate(200, offset: 500_000), ct);
            await TruncateAsync(db, ct);
            var insert = await TimeAsync(() => store.UpsertOneByOneAsync(events, ct));
            Check(insert.Result == count, "per-row count");
            return insert.Elapsed;
        }, ct);

        Row("bulk insert (1 write statement)", count, bulk.Item1);
        Row("bulk re-run, nothing changed", count, bulk.Item2);
        Row("bulk update, every title changed", count, bulk.Item3);
        Row("per-row insert (4 statements/event)", count, perRow);
        Console.WriteLine($"speed-up of bulk over per-row insert: {perRow.TotalMilliseconds / bulk.Item1.TotalMilliseconds:F1}x");
        return 0;
    }

    private static void Row(string what, int count, TimeSpan elapsed) =>
        Console.WriteLine($"{what,-38} {elapsed.TotalMilliseconds,9:F0} ms {count / elapsed.TotalSeconds,10:N0} events/s");

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"benchmark sanity check failed: {what}");
        }
    }

    private static async Task TruncateAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""DELETE FROM "Event" """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static List<ScrapedEvent> Generate(int count, int offset = 0)
    {
        var start = AustinTime.ToUtc(2027, 1, 1, 20, 0).AddHours(offset);
        return Enumerable.Range(offset, count).Select(i => new ScrapedEvent(
            "moody-center", $"Bench Show {i}", start.AddHours(i - offset), $"https://moodycenteratx.com/event/bench-{i}/{100000 + i}/",
            $"{100000 + i}", EventCategory.CONCERT, Description: $"Benchmark event {i}", ImageUrl: $"https://img.example/{i}.jpg")).ToList();
    }

    internal static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> action)
    {
        var sw = Stopwatch.StartNew();
        var result = await action();
        return (result, sw.Elapsed);
    }

    internal static async Task<string> ServerVersionAsync(string url, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(ConnectionStrings.ToNpgsql(url));
        await conn.OpenAsync(ct);
        return conn.PostgreSqlVersion.ToString();
    }

    internal static async Task<T> OnFreshDatabaseAsync<T>(string url, Func<EventStore, NpgsqlDataSource, Task<T>> run, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql(url));
        var name = $"ryesvp_bench_{Guid.NewGuid():N}"[..28];
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync(ct);
            await new NpgsqlCommand($"CREATE DATABASE {name}", conn).ExecuteNonQueryAsync(ct);
        }

        var target = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
        try
        {
            new Migrator(NullLogger<Migrator>.Instance).Apply(target);
            await using var dataSource = NpgsqlDataSource.Create(target);
            await new VenueStore(dataSource, TimeProvider.System).SeedAsync(VenueCatalog.All, ct);
            return await run(new EventStore(dataSource, TimeProvider.System), dataSource);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin.ConnectionString);
            await conn.OpenAsync(CancellationToken.None);
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn).ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
