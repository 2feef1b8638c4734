using Microsoft.Extensions.Logging.Abstractions;
using RyesVP.Domain.Database;
using RyesVP.Domain.Venues;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Database;

public sealed class MigrationTests
{
    private static readonly Migrator Migrator = new(NullLogger<Migrator>.Instance);

    [Fact]
    public async Task Apply_EmptyDatabase_CreatesTablesEnumsAndLease()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);

        var applied = Migrator.Apply(db.ConnectionString);

        Assert.Equal(3, applied.Count);
        foreach (var table in new[] { "Venue", "Event", "Enrichment", "TMEventCache", "WeatherCache", "Performer", "JobRun", "TmMatchDecision" })
        {
            Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table}'"));
        }

        Assert.Equal("CONCERT,COMEDY,THEATER,SPORTS,FESTIVAL,OTHER,MOVIE",
            await db.ScalarAsync<string>("""SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'EventCategory'"""));
        Assert.Equal(1L, await db.ScalarAsync<long>("""SELECT count(*) FROM pg_indexes WHERE indexname = 'Event_source_sourceEventId_key'"""));
        Assert.Equal(1L, await db.ScalarAsync<long>("""SELECT count(*) FROM pg_indexes WHERE indexname = 'JobRun_running_job_key' AND indexdef LIKE '%UNIQUE%'"""));
    }

    [Fact]
    public async Task Apply_Twice_ChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        Migrator.Apply(db.ConnectionString);
        var schema = await SchemaAsync(db);

        Assert.Empty(Migrator.Apply(db.ConnectionString));
        Assert.Equal(schema, await SchemaAsync(db));
    }

    [Fact]
    public async Task Apply_DatabaseWithTheWebAppsSchema_KeepsTheirDataAndAddsJobRun()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await db.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Database", "Fixtures", "web-app-schema.sql")));
        var before = await SchemaAsync(db, ourTables: true);

        Migrator.Apply(db.ConnectionString);
        var seeded = await new VenueStore(db.DataSource, TimeProvider.System).SeedAsync(VenueCatalog.All, CancellationToken.None);

        Assert.Equal(before, await SchemaAsync(db, ourTables: true));
        Assert.Equal(1L, await db.ScalarAsync<long>("""SELECT count(*) FROM information_schema.tables WHERE table_name = 'JobRun'"""));
        Assert.Equal("COMEDY", await db.ScalarAsync<string>("""SELECT "category"::text FROM "Event" WHERE "id" = 'event-shakey'"""));
        Assert.Equal(1L, await db.ScalarAsync<long>("""SELECT count(*) FROM "UserEvent" """));
        // The existing Stubb's row keeps its id and name; only its empty coordinates are filled in.
        Assert.Equal("venue-stubbs", await db.ScalarAsync<string>("""SELECT "id" FROM "Venue" WHERE "slug" = 'stubbs'"""));
        Assert.Equal(30.2694, await db.ScalarAsync<double>("""SELECT "lat" FROM "Venue" WHERE "slug" = 'stubbs'"""));
        Assert.Equal((VenueCatalog.All.Count - 1, 1), seeded);
    }

    [Fact]
    public async Task Seed_HasEveryVenueWithCoordinatesAndTheSixTicketmasterIds()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Equal(20L, await db.ScalarAsync<long>("""SELECT count(*) FROM "Venue" WHERE "lat" IS NOT NULL AND "lng" IS NOT NULL"""));
        foreach (var slug in new[] { "emos", "mohawk", "concourse-project", "lady-bird-wildflower-center" })
        {
            Assert.Equal(1L, await db.ScalarAsync<long>($"""SELECT count(*) FROM "Venue" WHERE "slug" = '{slug}'"""));
        }

        Assert.Equal(6, VenueCatalog.All.Count(v => v.TicketmasterVenueId is not null));
    }

    private static async Task<string> SchemaAsync(TestDatabase db, bool ourTables = false) => await db.ScalarAsync<string>($"""
        SELECT string_agg(x, E'\n' ORDER BY x) FROM (
          SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '') AS x
          FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_ryesvp%' AND (NOT {ourTables} OR table_name NOT IN ('JobRun', 'TmMatchDecision'))
          UNION ALL SELECT indexname || ':' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_ryesvp%' AND (NOT {ourTables} OR tablename NOT IN ('JobRun', 'TmMatchDecision'))
          UNION ALL SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND (NOT {ourTables} OR (conname NOT LIKE 'JobRun%' AND conname NOT LIKE 'TmMatchDecision%')) AND conname NOT LIKE '%\_ryesvp\_migrations%'
        ) s
        """);
}
