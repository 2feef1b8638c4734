using System.Text.Json;
using RyesVP.Domain.Events;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Ticketmaster;
using RyesVP.Domain.Time;
using RyesVP.Orchestration.Jobs;
using RyesVP.Tests.Infrastructure;
using RyesVP.Tests.Llm;

namespace RyesVP.Tests.Ticketmaster;

public sealed class TmMatchTests
{
    private const string Stubbs = "KovZ917AxzU";
    private static readonly DateOnly Day = AustinTime.Today(DateTimeOffset.UtcNow).AddDays(6);

    private sealed class World : IAsyncDisposable
    {
        public required TestDatabase Db { get; init; }

        public required ServiceProvider Services { get; init; }

        public required OpenAiFake Llm { get; init; }

        public TmMatchStep Step => Services.GetRequiredService<TmMatchStep>();

        public async Task<string> EventAsync(string title, int hour, int minute = 0, DateOnly? day = null) =>
            (await EventsAsync((title, hour, minute, day ?? Day)))[0];

        /// <summary>Scraped together (as one venue's page is), each with an Enrichment row.</summary>
        public async Task<IReadOnlyList<string>> EventsAsync(params (string Title, int Hour, int Minute, DateOnly Day)[] events)
        {
            var sources = events.Select(_ => Guid.NewGuid().ToString("N")).ToList();
            await Services.GetRequiredService<EventStore>().UpsertAsync(
                [.. events.Select((e, i) => new ScrapedEvent("stubbs", e.Title, AustinTime.ToUtc(e.Day, e.Hour, e.Minute), null, sources[i]))], CancellationToken.None);
            var ids = new List<string>();
            foreach (var source in sources)
            {
                var id = await Db.ScalarAsync<string>($"""SELECT "id" FROM "Event" WHERE "sourceEventId" = '{source}'""");
                await Db.ExecuteAsync($"""
                    INSERT INTO "Enrichment" ("id", "eventId", "searchQuery", "status", "createdAt", "updatedAt")
                    VALUES (gen_random_uuid()::text, '{id}', 'q', 'COMPLETED', now(), now())
                    """);
                ids.Add(id);
            }

            return ids;
        }

        public Task<int> CacheAsync(params System.Text.Json.Nodes.JsonObject[] events) =>
            Services.GetRequiredService<TmCacheStore>().ReplaceVenueAsync("stubbs",
                [.. events.Select(e => TmEventParser.Parse(JsonDocument.Parse(e.ToJsonString()).RootElement, "stubbs", Stubbs)!)], CancellationToken.None);

        public async Task<TmBatchResult> RunAsync(bool force = false)
        {
            var plan = await Step.PlanAsync(DateTimeOffset.UtcNow, force, null, CancellationToken.None);
            Assert.Null(plan.SkipReason);
            var results = new List<TmBatchResult>();
            foreach (var batch in plan.Batches)
            {
                results.Add(await Step.RunBatchAsync(batch, CancellationToken.None));
            }

            return new TmBatchResult(results.Sum(r => r.Processed), results.Sum(r => r.Matched), results.Sum(r => r.Reused), results.Sum(r => r.AutoMatched),
                results.Sum(r => r.LlmMatched), results.Sum(r => r.NoMatch), results.Sum(r => r.Cleared), results.Sum(r => r.LlmCalls), results.Sum(r => r.Errors));
        }

        public Task<string?> TmIdAsync(string eventId) => Db.ScalarAsync<string?>($"""SELECT "tmEventId" FROM "Enrichment" WHERE "eventId" = '{eventId}'""");

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            Llm.Dispose();
            await Db.DisposeAsync();
        }
    }

    private static async Task<World> WorldAsync(Func<string, OpenAiFake.Reply>? llm = null, bool withLlm = true)
    {
        var db = await TestDatabase.CreateAsync();
        var fake = new OpenAiFake(llm ?? (_ => OpenAiFake.Json(new { reason = "same act, tour suffix", match = 1, confidence = "high", preferTMTitle = true })));
        var services = TicketmasterFake.Services("http://127.0.0.1:9/", databaseUrl: db.Url, more: new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = withLlm ? OpenAiFake.Key : null,
            ["OpenAI:BaseUrl"] = fake.BaseUrl,
            ["OpenAI:MaxRetries"] = "0",
            ["Ticketmaster:MatchBatchSize"] = "2",
        });
        return new World { Db = db, Services = services, Llm = fake };
    }

    [Fact]
    public async Task EveningShow_MatchesOnTheAustinDate_AndWritesEveryField()
    {
        await using var w = await WorldAsync();
        var ours = await w.EventAsync("Black Pumas", 20); // 8 PM in Austin is the next day in UTC
        await w.CacheAsync(TicketmasterFake.Event("tm-1", "Black Pumas", AustinTime.ToUtc(Day, 20, 0)),
            TicketmasterFake.Event("tm-next-day", "Black Pumas", AustinTime.ToUtc(Day.AddDays(1), 20, 0)));

        var result = await w.RunAsync();

        Assert.Equal((1, 1, 1, 0), (result.Processed, result.Matched, result.AutoMatched, result.LlmCalls));
        Assert.Equal("tm-1", await w.TmIdAsync(ours));
        var row = await w.Db.ScalarAsync<string>($"""
            SELECT concat_ws('|', "tmEventName", "tmUrl", ("tmOnSaleStart" IS NOT NULL)::text, "tmPresales"->0->>'name', ("tmImageUrl" LIKE '%16_9.jpg')::text,
                   ("tmSeatmapUrl" IS NOT NULL)::text, "tmAttractionName", array_to_string("tmSupportingActs", ','), ("tmExternalLinks"->>'spotify' IS NOT NULL)::text,
                   "tmGenre", "tmSubGenre", "tmSegment", "tmTicketLimit", "tmTimezone", "tmPromoterName", "tmStatus", "tmMatchConfidence",
                   "tmPreferTitle"::text, ("tmLastChecked" IS NOT NULL)::text)
            FROM "Enrichment" WHERE "eventId" = '{ours}'
            """);
        Assert.Equal("Black Pumas|https://www.ticketmaster.com/event/tm-1|true|Artist Presale|true|true|Black Pumas|Opener|true|Rock|Pop|Music|8|America/Chicago|LIVE NATION MUSIC|onsale|1|false|true", row);
    }

    [Fact]
    public async Task MatineeAndEvening_GoToTheTicketmasterEventsNearestInTime()
    {
        await using var w = await WorldAsync();
        var ids = await w.EventsAsync(("Gospel Brunch", 11, 0, Day), ("Gospel Brunch", 14, 0, Day));
        var (matinee, evening) = (ids[0], ids[1]);
        await w.CacheAsync(TicketmasterFake.Event("tm-late", "Gospel Brunch", AustinTime.ToUtc(Day, 14, 0)),
            TicketmasterFake.Event("tm-early", "Gospel Brunch", AustinTime.ToUtc(Day, 11, 0)));

        await w.RunAsync();

        Assert.Equal(("tm-early", "tm-late"), (await w.TmIdAsync(matinee), await w.TmIdAsync(evening)));
    }

    [Fact]
    public async Task TwoOfOursAndOneListing_OnlyTheNearerGetsIt()
    {
        await using var w = await WorldAsync();
        var ids = await w.EventsAsync(("Gospel Brunch", 11, 0, Day), ("Gospel Brunch", 14, 0, Day));
        var (early, late) = (ids[0], ids[1]);
        await w.CacheAsync(TicketmasterFake.Event("tm-late", "Gospel Brunch", AustinTime.ToUtc(Day, 14, 0)));

        await w.RunAsync();

        Assert.Equal((null, "tm-late"), (await w.TmIdAsync(early), await w.TmIdAsync(late)));
    }

    [Fact]
    public async Task Rematch_NullsInTheCacheOverwrite_AndAVanishedMatchIsCleared()
    {
        await using var w = await WorldAsync();
        var kept = await w.EventAsync("Black Pumas", 20);
        var gone = await w.EventAsync("Leon Bridges", 20, day: Day.AddDays(1));
        await w.CacheAsync(TicketmasterFake.Event("tm-1", "Black Pumas", AustinTime.ToUtc(Day, 20, 0)),
            TicketmasterFake.Event("tm-2", "Leon Bridges", AustinTime.ToUtc(Day.AddDays(1), 20, 0)));
        await w.RunAsync();
        Assert.Equal("tm-2", await w.TmIdAsync(gone));

        // The next download: tm-1 lost its presales and links, tm-2 is no longer listed.
        await w.CacheAsync(TicketmasterFake.Event("tm-1", "Black Pumas", AustinTime.ToUtc(Day, 20, 0), e =>
        {
            e["sales"]!.AsObject().Remove("presales");
            e.Remove("externalLinks");
        }));
        var second = await w.RunAsync();

        Assert.Equal((2, 1, 1, 1), (second.Processed, second.Reused, second.Cleared, second.NoMatch));
        Assert.Equal("|", await w.Db.ScalarAsync<string>($"""SELECT concat("tmPresales"::text, '|', "tmExternalLinks"::text) FROM "Enrichment" WHERE "eventId" = '{kept}'"""));
        Assert.Null(await w.TmIdAsync(gone));
        Assert.Equal("||0", await w.Db.ScalarAsync<string>($"""
            SELECT concat("tmUrl", '|', "tmStatus", '|', cardinality("tmSupportingActs")) FROM "Enrichment" WHERE "eventId" = '{gone}'
            """));
    }

    [Fact]
    public async Task LlmPick_StoresAMeaningfulConfidence_AndAnUnchangedCacheCostsNoSecondCall()
    {
        await using var world = await WorldAsync(prompt => prompt.Contains("Billy Strings", StringComparison.Ordinal)
            ? OpenAiFake.Json(new { reason = "same act, tour suffix", match = 1, confidence = "high", preferTMTitle = true })
            : OpenAiFake.Json(new { reason = "different comedian", match = (int?)null, confidence = "high", preferTMTitle = false }));
        var a = await world.EventAsync("Billy Strings", 19);
        var b = await world.EventAsync("Jim Gaffigan", 19, day: Day.AddDays(2));
        await world.CacheAsync(TicketmasterFake.Event("tm-bs", "Billy Strings - Highway Prayers Tour", AustinTime.ToUtc(Day, 19, 0)),
            TicketmasterFake.Event("tm-jb", "Jim Breuer", AustinTime.ToUtc(Day.AddDays(2), 19, 0)));

        var first = await world.RunAsync();
        Assert.Equal((2, 1, 1, 2), (first.Processed, first.LlmMatched, first.NoMatch, first.LlmCalls));
        Assert.Equal("tm-bs|0.9|true", await world.Db.ScalarAsync<string>($"""SELECT concat_ws('|', "tmEventId", "tmMatchConfidence", "tmPreferTitle"::text) FROM "Enrichment" WHERE "eventId" = '{a}'"""));
        Assert.Null(await world.TmIdAsync(b));

        // The same listings downloaded again (a fresh fetchedAt): both events are re-checked, neither costs a call.
        await world.CacheAsync(TicketmasterFake.Event("tm-bs", "Billy Strings - Highway Prayers Tour", AustinTime.ToUtc(Day, 19, 0)),
            TicketmasterFake.Event("tm-jb", "Jim Breuer", AustinTime.ToUtc(Day.AddDays(2), 19, 0)));
        var second = await world.RunAsync();

        Assert.Equal((2, 0), (second.Processed, second.LlmCalls));
        Assert.Equal(2, world.Llm.Calls);
        Assert.Equal("tm-bs", await world.TmIdAsync(a));
        Assert.Equal(0, (await world.RunAsync()).Processed); // nothing refreshed since: nothing selected
    }

    [Fact]
    public async Task BelowTheFloor_NoLlmCall_AndAFailedLlmCallLeavesTheEventForTheNextRun()
    {
        await using var w = await WorldAsync(_ => OpenAiFake.Error(500, "server_error"));
        var below = await w.EventAsync("Couch", 11);
        var asked = await w.EventAsync("Lizzo", 20, day: Day.AddDays(1));
        await w.CacheAsync(TicketmasterFake.Event("tm-gb", "Gospel Brunch", AustinTime.ToUtc(Day, 11, 0)),
            TicketmasterFake.Event("tm-lz", "Lizzo: The Special Tour", AustinTime.ToUtc(Day.AddDays(1), 20, 0)));

        var result = await w.RunAsync();

        Assert.Equal((2, 0, 1, 1), (result.Processed, result.Matched, result.LlmCalls, result.Errors));
        Assert.Equal(1, w.Llm.Calls);
        Assert.True(await w.Db.ScalarAsync<bool>($"""SELECT "tmLastChecked" IS NOT NULL FROM "Enrichment" WHERE "eventId" = '{below}'"""));
        Assert.True(await w.Db.ScalarAsync<bool>($"""SELECT "tmLastChecked" IS NULL FROM "Enrichment" WHERE "eventId" = '{asked}'"""));
    }

    [Fact]
    public async Task TmMatchJob_EmptyCache_EndsSkipped()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var host = await TestFunctionsHost.StartAsync(db);
        var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(host.Client, JobNames.TmMatch, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
        await host.Client.WaitForInstanceCompletionAsync(started.InstanceId);

        var row = Assert.Single(await host.Services.GetRequiredService<JobRunStore>().ForInstanceAsync(started.InstanceId, CancellationToken.None));
        Assert.Equal((JobRunStatus.Skipped, "skipped: cache empty"), (row.Status, row.Error));
    }
}
