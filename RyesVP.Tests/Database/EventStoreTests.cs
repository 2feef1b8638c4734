using Microsoft.Extensions.Time.Testing;
using RyesVP.Domain.Events;
using RyesVP.Domain.Time;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Database;

public sealed class EventStoreTests
{
    private static ScrapedEvent Show(string title, DateTime start, string? sid, string venue = "stubbs") =>
        new(venue, title, start, $"https://example.test/{title.Replace(' ', '-')}", sid, EventCategory.CONCERT);

    private static EventStore Store(TestDatabase db) => new(db.DataSource, new FakeTimeProvider(Samples.JobRun));

    [Fact]
    public async Task Upsert_SamePagesTwice_SecondRunChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        var events = new[]
        {
            Show("A", AustinTime.ToUtc(2027, 1, 5, 20, 0), "a-1"),
            Show("B", AustinTime.ToUtc(2027, 1, 6, 20, 0), null),
        };

        var first = await store.UpsertAsync(events, CancellationToken.None);
        var second = await store.UpsertAsync(events, CancellationToken.None);

        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (second.Created, second.Updated, second.Unchanged));
        Assert.Equal(2L, await db.ScalarAsync<long>("""SELECT count(*) FROM "Event" """));
    }

    [Fact]
    public async Task Upsert_WritesTheWebAppsConventions()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Store(db).UpsertAsync([Show("A", new DateTime(2027, 1, 6, 2, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567), "a-1")], CancellationToken.None);

        Assert.Equal("2027-01-06 02:00:00.123", await db.ScalarAsync<string>("""SELECT to_char("startDateTime", 'YYYY-MM-DD HH24:MI:SS.MS') FROM "Event" """));
        Assert.Equal(36, (await db.ScalarAsync<string>("""SELECT "id" FROM "Event" """)).Length);
        Assert.Equal("VENUE_WEBSITE/SCHEDULED/CONCERT", await db.ScalarAsync<string>("""SELECT "source"::text || '/' || "status"::text || '/' || "category"::text FROM "Event" """));
        Assert.Equal("2026-12-04 08:00:00", await db.ScalarAsync<string>("""SELECT to_char("updatedAt", 'YYYY-MM-DD HH24:MI:SS') FROM "Event" """));
    }

    [Fact]
    public async Task Upsert_SourceIdMatch_UpdatesInPlaceAndKeepsAnLlmCategory()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        await store.UpsertAsync([Show("Old title", AustinTime.ToUtc(2027, 1, 5, 20, 0), "x-1")], CancellationToken.None);
        await db.ExecuteAsync("""UPDATE "Event" SET "category" = 'COMEDY'""");
        var id = await db.ScalarAsync<string>("""SELECT "id" FROM "Event" """);

        var result = await store.UpsertAsync([Show("New title", AustinTime.ToUtc(2027, 1, 5, 21, 0), "x-1") with { Status = EventStatus.CANCELLED }], CancellationToken.None);

        Assert.Equal(1, result.Updated);
        Assert.Equal($"{id}|New title|COMEDY|CANCELLED", await db.ScalarAsync<string>("""SELECT "id" || '|' || "title" || '|' || "category"::text || '|' || "status"::text FROM "Event" """));
    }

    [Fact]
    public async Task Upsert_TitleAndAustinDayMatch_AdoptsTheNewSourceId()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        // 21:30 in Austin on 5 January is 03:30 UTC on the 6th: the UTC day differs, the Austin day does not.
        await store.UpsertAsync([Show("Late Show!", AustinTime.ToUtc(2027, 1, 5, 21, 30), null)], CancellationToken.None);

        var result = await store.UpsertAsync([Show("late show", AustinTime.ToUtc(2027, 1, 5, 19, 0), "late-1")], CancellationToken.None);

        Assert.Equal((0, 1), (result.Created, result.Updated));
        Assert.Equal("late-1", await db.ScalarAsync<string>("""SELECT "sourceEventId" FROM "Event" """));
    }

    [Fact]
    public async Task Upsert_MatineeAndEveningWithoutIds_StayTwoRows()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        var matinee = Show("Nutcracker", AustinTime.ToUtc(2027, 12, 12, 14, 0), null);
        var evening = Show("Nutcracker", AustinTime.ToUtc(2027, 12, 12, 19, 30), null);

        var first = await store.UpsertAsync([matinee, evening], CancellationToken.None);
        var again = await store.UpsertAsync([matinee, evening], CancellationToken.None);

        Assert.Equal(2, first.Created);
        Assert.Equal(2, again.Unchanged);
        Assert.Equal(2L, await db.ScalarAsync<long>("""SELECT count(DISTINCT "startDateTime") FROM "Event" """));
    }

    [Fact]
    public async Task Upsert_NewPerformanceSameDay_DoesNotOverwriteTheOtherPerformance()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        await store.UpsertAsync([Show("Nutcracker", AustinTime.ToUtc(2027, 12, 12, 14, 0), "perf-1")], CancellationToken.None);

        var result = await store.UpsertAsync([
            Show("Nutcracker", AustinTime.ToUtc(2027, 12, 12, 14, 0), "perf-1"),
            Show("Nutcracker", AustinTime.ToUtc(2027, 12, 12, 19, 30), "perf-2"),
        ], CancellationToken.None);

        Assert.Equal((1, 0, 1), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal(2L, await db.ScalarAsync<long>("""SELECT count(*) FROM "Event" """));
    }

    [Fact]
    public async Task Upsert_PageStopsShowingImage_KeepsTheStoredOne()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        await store.UpsertAsync([Show("A", AustinTime.ToUtc(2027, 1, 5, 20, 0), "a-1") with { ImageUrl = "https://img/a.jpg", Description = "desc" }], CancellationToken.None);

        var result = await store.UpsertAsync([Show("A", AustinTime.ToUtc(2027, 1, 5, 20, 0), "a-1")], CancellationToken.None);

        Assert.Equal(1, result.Unchanged);
        Assert.Equal("https://img/a.jpg|desc", await db.ScalarAsync<string>("""SELECT "imageUrl" || '|' || "description" FROM "Event" """));
    }

    [Fact]
    public async Task Upsert_UnknownVenue_IsReportedAndTheRestIsWritten()
    {
        await using var db = await TestDatabase.CreateAsync();

        var result = await Store(db).UpsertAsync([
            Show("Ghost", AustinTime.ToUtc(2027, 1, 5, 20, 0), "g-1", venue: "nowhere"),
            Show("Real", AustinTime.ToUtc(2027, 1, 5, 20, 0), "r-1"),
        ], CancellationToken.None);

        Assert.Equal(1, result.Created);
        Assert.Equal("Venue not found: nowhere (event: Ghost)", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Upsert_TenThousandEvents_AllWrittenThenAllUnchanged()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        var events = Enumerable.Range(0, 10_000).Select(i => Show($"Show {i}", AustinTime.ToUtc(2027, 1, 1, 20, 0).AddHours(i), $"s-{i}")).ToList();

        var first = await store.UpsertAsync(events, CancellationToken.None);
        var second = await store.UpsertAsync(events, CancellationToken.None);

        Assert.Equal(10_000, first.Created);
        Assert.Equal(10_000, second.Unchanged);
        Assert.Equal(10_000L, await db.ScalarAsync<long>("""SELECT count(*) FROM "Event" """));
    }
}
