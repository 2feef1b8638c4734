using System.Text.Json;
using RyesVP.Domain;
using RyesVP.Domain.Enrichment;
using RyesVP.Domain.Events;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Time;
using RyesVP.Orchestration.Jobs;
using RyesVP.Tests.Infrastructure;
using RyesVP.Tests.Llm;

namespace RyesVP.Tests.Enrichment;

public sealed class EnrichTests
{
    private static readonly DateOnly Day = AustinTime.Today(DateTimeOffset.UtcNow).AddDays(3);

    /// <summary>What the scripted model answers for each title (the prompt quotes the title on its first line).</summary>
    private static OpenAiFake.Reply Script(string prompt)
    {
        string Title() => prompt.Split('\n')[0].Replace("Event: ", string.Empty, StringComparison.Ordinal).Trim('"');
        static OpenAiFake.Reply A(string category, string? performer, string confidence = "high") =>
            OpenAiFake.Json(new { category, performer, description = "A night out.", confidence });
        return Title() switch
        {
            "Black Pumas" => A("CONCERT", "Black Pumas"),
            "Nate Bargatze: Big Dumb Eyes" => A("COMEDY", "Nate Bargatze"),
            "Texas vs Baylor" => A("SPORTS", null),
            "Refused Show" => OpenAiFake.Refuse(),
            "Garbled Show" => new OpenAiFake.Reply(200, "Sure! Here is the JSON you asked for"),
            "Broken Backend" => OpenAiFake.Error(500, "server_error"),
            "Slow Show" => Slow(),
            "Local Band" => A("CONCERT", "Local Band", "medium"),
            "Khruangbin" => A("CONCERT", "Khruangbin"),
            "Dev Mode Artist" => A("CONCERT", "Dev Mode Artist"),
            "Hamilton" => A("THEATER", "Hamilton"),
            _ => A("OTHER", null, "low"),
        };

        static OpenAiFake.Reply Slow()
        {
            Thread.Sleep(2500);
            return A("CONCERT", "Slow Show");
        }
    }

    private static ServiceProvider Services(TestDatabase db, OpenAiFake llm, LookupFakes lookups, string? openAiKey = OpenAiFake.Key)
    {
        var settings = new Dictionary<string, string?>(lookups.Settings())
        {
            ["DATABASE_URL"] = db.Url,
            ["OPENAI_API_KEY"] = openAiKey,
            ["OpenAI:BaseUrl"] = llm.BaseUrl,
            ["OpenAI:MaxRetries"] = "0",
            ["OpenAI:TimeoutSeconds"] = "1",
            ["Pipeline:HttpRetryAttempts"] = "2",
            ["Pipeline:HttpRetryDelayMs"] = "20",
            ["Pipeline:HttpTimeoutSeconds"] = "5",
            ["Enrich:BatchSize"] = "4",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRyesVPDomain(configuration).BuildServiceProvider();
    }

    private static async Task<Dictionary<string, string>> EventsAsync(IServiceProvider services, TestDatabase db, params (string Title, EventCategory Category, int DaysAhead)[] events)
    {
        await services.GetRequiredService<EventStore>().UpsertAsync(
            [.. events.Select((e, i) => new ScrapedEvent("stubbs", e.Title, AustinTime.ToUtc(Day.AddDays(e.DaysAhead), 20, i), null, "enrich-" + i, e.Category))],
            CancellationToken.None);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            ids[e.Title] = await db.ScalarAsync<string>($"""SELECT "id" FROM "Event" WHERE "title" = '{e.Title.Replace("'", "''", StringComparison.Ordinal)}'""");
        }

        return ids;
    }

    private static async Task<EnrichBatchResult> RunAsync(EnrichStep step, bool force = false, int? limit = null)
    {
        var plan = await step.PlanAsync(DateTimeOffset.UtcNow, force, limit, CancellationToken.None);
        Assert.Null(plan.SkipReason);
        var results = new List<EnrichBatchResult>();
        foreach (var b in plan.Batches)
        {
            results.Add(await step.RunBatchAsync(b, CancellationToken.None));
        }

        return new EnrichBatchResult(results.Sum(r => r.Processed), results.Sum(r => r.Completed), results.Sum(r => r.Partial), results.Sum(r => r.Failed),
            results.Sum(r => r.Skipped), results.Sum(r => r.CategoriesUpdated), results.Sum(r => r.LlmCalls), results.Sum(r => r.PromptTokens),
            results.Sum(r => r.CompletionTokens), results.Sum(r => r.KgCalls), results.Sum(r => r.SpotifyCalls));
    }

    private static Task<string> RowAsync(TestDatabase db, string eventId) => db.ScalarAsync<string>($"""
        SELECT concat_ws('|', en."status", en."retryCount", coalesce(en."llmCategory"::text, '-'), coalesce(en."spotifyName", '-'),
                         coalesce(en."kgName", '-'), e."category", en."categoryUpdated"::text)
        FROM "Enrichment" en JOIN "Event" e ON e."id" = en."eventId" WHERE en."eventId" = '{eventId}'
        """);

    [Fact]
    public async Task Batch_EachEventEndsInTheRightStatus_AndTheBatchGoesOn()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var llm = new OpenAiFake(Script);
        using var lookups = new LookupFakes();
        lookups.Spotify("Black Pumas", attempt => attempt == 1 ? LookupFakes.RateLimited(1) : new LookupFakes.Answer(200, new System.Text.Json.Nodes.JsonObject
        {
            ["artists"] = new System.Text.Json.Nodes.JsonObject { ["total"] = 2, ["items"] = new System.Text.Json.Nodes.JsonArray(LookupFakes.Artist("Black Pumas Tribute", 2), LookupFakes.Artist("Black Pumas", 63)) },
        }.ToJsonString()));
        lookups.KnowledgeGraph("Nate Bargatze", ("Nate Bargatze: The Album", ["MusicAlbum", "Thing"], 400), ("Nate Bargatze", ["Person", "Thing"], 812.4));
        lookups.KnowledgeGraph("Hamilton", _ => LookupFakes.ServerError());
        await using var services = Services(db, llm, lookups);
        var ids = await EventsAsync(services, db,
            ("Black Pumas", EventCategory.OTHER, 0), ("Nate Bargatze: Big Dumb Eyes", EventCategory.OTHER, 0), ("Texas vs Baylor", EventCategory.SPORTS, 1),
            ("Refused Show", EventCategory.CONCERT, 1), ("Garbled Show", EventCategory.CONCERT, 2), ("Broken Backend", EventCategory.CONCERT, 2),
            ("Slow Show", EventCategory.CONCERT, 3), ("Hamilton", EventCategory.THEATER, 3), ("TBA", EventCategory.OTHER, 4));

        var result = await RunAsync(services.GetRequiredService<EnrichStep>());

        Assert.Equal((9, 2, 2, 4, 1), (result.Processed, result.Completed, result.Partial, result.Failed, result.Skipped));
        Assert.Equal(8, result.LlmCalls); // not for TBA
        Assert.Equal("COMPLETED|0|CONCERT|Black Pumas|-|CONCERT|true", await RowAsync(db, ids["Black Pumas"])); // the confident artist, not the tribute
        Assert.Equal("COMPLETED|0|COMEDY|-|Nate Bargatze|COMEDY|true", await RowAsync(db, ids["Nate Bargatze: Big Dumb Eyes"])); // the Person, not the album
        Assert.Equal("PARTIAL|0|SPORTS|-|-|SPORTS|false", await RowAsync(db, ids["Texas vs Baylor"]));
        Assert.Equal("FAILED|1|-|-|-|CONCERT|false", await RowAsync(db, ids["Refused Show"]));
        Assert.Equal("FAILED|1|-|-|-|CONCERT|false", await RowAsync(db, ids["Garbled Show"]));
        Assert.Equal("FAILED|1|-|-|-|CONCERT|false", await RowAsync(db, ids["Broken Backend"]));
        Assert.Equal("FAILED|1|-|-|-|CONCERT|false", await RowAsync(db, ids["Slow Show"]));
        Assert.Equal("PARTIAL|0|THEATER|-|-|THEATER|false", await RowAsync(db, ids["Hamilton"]));
        Assert.Equal("SKIPPED|0|-|-|-|OTHER|false", await RowAsync(db, ids["TBA"]));
        var reasons = await db.ScalarAsync<string>("""SELECT string_agg("errorMessage", ' || ' ORDER BY "errorMessage") FROM "Enrichment" WHERE "errorMessage" IS NOT NULL""");
        Assert.Contains("LLM refused", reasons, StringComparison.Ordinal);
        Assert.Contains("not the requested JSON", reasons, StringComparison.Ordinal);
        Assert.Contains("OpenAI answered 500", reasons, StringComparison.Ordinal);
        Assert.Contains("OpenAI did not answer", reasons, StringComparison.Ordinal);
        Assert.Contains("Knowledge Graph answered 500", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain(LookupFakes.GoogleKey, reasons, StringComparison.Ordinal);
        Assert.Equal(1, lookups.Calls("/api/token")); // the token is cached across events
    }

    [Fact]
    public async Task CategoryWriteBack_OnlyWhenConfident_AndSpotifyDevModeNeedsTheExactName()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var llm = new OpenAiFake(Script);
        using var lookups = new LookupFakes();
        lookups.Spotify("Local Band", LookupFakes.Artist("Local Band", 40));
        lookups.Spotify("Khruangbin", LookupFakes.Artist("Khruangbin & Friends", 0, devMode: true));
        lookups.Spotify("Dev Mode Artist", LookupFakes.Artist("Dev Mode Artist", 0, devMode: true));
        await using var services = Services(db, llm, lookups);
        var ids = await EventsAsync(services, db, ("Local Band", EventCategory.COMEDY, 0), ("Khruangbin", EventCategory.OTHER, 0), ("Dev Mode Artist", EventCategory.OTHER, 1), ("Mystery Night", EventCategory.FESTIVAL, 1));

        await RunAsync(services.GetRequiredService<EnrichStep>());

        Assert.Equal("COMPLETED|0|CONCERT|Local Band|-|COMEDY|false", await RowAsync(db, ids["Local Band"])); // medium never overrides a specific category
        Assert.Equal("PARTIAL|0|CONCERT|-|-|CONCERT|true", await RowAsync(db, ids["Khruangbin"])); // no popularity: a different name is not trusted
        Assert.Equal("COMPLETED|0|CONCERT|Dev Mode Artist|-|CONCERT|true", await RowAsync(db, ids["Dev Mode Artist"]));
        Assert.Equal("PARTIAL|0|OTHER|-|-|FESTIVAL|false", await RowAsync(db, ids["Mystery Night"])); // low confidence changes nothing
        Assert.Equal("{}", await db.ScalarAsync<string>($"""SELECT "spotifyGenres"::text FROM "Enrichment" WHERE "eventId" = '{ids["Dev Mode Artist"]}'"""));
    }

    [Fact]
    public async Task Selection_UpcomingSoonestFirst_RetriesFailedBelowTheLimit_PicksUpStuckRows_AndForceKeepsTicketmasterFields()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var llm = new OpenAiFake(Script);
        using var lookups = new LookupFakes();
        await using var services = Services(db, llm, lookups);
        var ids = await EventsAsync(services, db, ("Later", EventCategory.OTHER, 5), ("Sooner", EventCategory.OTHER, 0), ("Gave Up", EventCategory.OTHER, 1),
            ("Stuck", EventCategory.OTHER, 2), ("Fresh Processing", EventCategory.OTHER, 2), ("Done", EventCategory.OTHER, 3), ("Past", EventCategory.OTHER, -10));
        await db.ExecuteAsync($"""
            INSERT INTO "Enrichment" ("id", "eventId", "searchQuery", "status", "retryCount", "createdAt", "updatedAt", "tmEventId", "tmUrl")
            VALUES ('a', '{ids["Gave Up"]}', 'q', 'FAILED', 3, now(), now(), NULL, NULL),
                   ('b', '{ids["Stuck"]}', 'q', 'PROCESSING', 0, now(), now() - interval '1 day', NULL, NULL),
                   ('c', '{ids["Fresh Processing"]}', 'q', 'PROCESSING', 0, now(), now(), NULL, NULL),
                   ('d', '{ids["Done"]}', 'q', 'COMPLETED', 0, now(), now(), 'tm-keep', 'https://www.ticketmaster.com/event/tm-keep')
            """);
        var step = services.GetRequiredService<EnrichStep>();

        var plan = await step.PlanAsync(DateTimeOffset.UtcNow, false, null, CancellationToken.None);
        Assert.Equal([ids["Sooner"], ids["Stuck"], ids["Later"]], plan.Batches.SelectMany(b => b.EventIds));
        Assert.Equal([ids["Sooner"]], (await step.PlanAsync(DateTimeOffset.UtcNow, false, 1, CancellationToken.None)).Batches.SelectMany(b => b.EventIds));

        var rows = await db.ScalarAsync<long>("""SELECT count(*) FROM "Enrichment" """);
        var forced = await RunAsync(step, force: true);
        Assert.Equal(6, forced.Processed); // every upcoming event, in place
        Assert.Equal(rows + 2, await db.ScalarAsync<long>("""SELECT count(*) FROM "Enrichment" """)); // Sooner and Later gained rows; none deleted
        Assert.Equal("tm-keep|https://www.ticketmaster.com/event/tm-keep|PARTIAL", await db.ScalarAsync<string>($"""
            SELECT concat_ws('|', "tmEventId", "tmUrl", "status") FROM "Enrichment" WHERE "eventId" = '{ids["Done"]}'
            """));
    }

    [Fact]
    public async Task EnrichJob_WithoutTheOpenAiKey_IsSkippedNamingIt_AndOverHttpReportsItsSummary()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var bare = await TestFunctionsHost.StartAsync(db))
        {
            var started = await bare.Services.GetRequiredService<JobLauncher>().StartAsync(bare.Client, JobNames.Enrich, JobTrigger.Cli, new JobParameters(), null, CancellationToken.None);
            await bare.Client.WaitForInstanceCompletionAsync(started.InstanceId);
            var row = Assert.Single(await bare.Services.GetRequiredService<JobRunStore>().ForInstanceAsync(started.InstanceId, CancellationToken.None));
            Assert.Equal((JobRunStatus.Skipped, "skipped: OPENAI_API_KEY not set"), (row.Status, row.Error));
        }

        using var llm = new OpenAiFake(Script);
        using var lookups = new LookupFakes();
        lookups.Spotify("Black Pumas", LookupFakes.Artist("Black Pumas", 63));
        var settings = new Dictionary<string, string?>(lookups.Settings()) { ["OPENAI_API_KEY"] = OpenAiFake.Key, ["OpenAI:BaseUrl"] = llm.BaseUrl, ["Enrich:BatchSize"] = "1" };
        await using var host = await TestFunctionsHost.StartAsync(db, settings: settings);
        await EventsAsync(host.Services, db, ("Black Pumas", EventCategory.OTHER, 0), ("Texas vs Baylor", EventCategory.SPORTS, 1));

        using var response = await host.SendAsync(HttpMethod.Post, "/api/cron/enrich?wait=60");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 1, 1, 0, 1, 2, 1, 2), (body.GetProperty("processed").GetInt32(), body.GetProperty("completed").GetInt32(), body.GetProperty("partial").GetInt32(),
            body.GetProperty("failed").GetInt32(), body.GetProperty("categoriesUpdated").GetInt32(), body.GetProperty("llmCalls").GetInt32(),
            body.GetProperty("spotifyCalls").GetInt32(), body.GetProperty("batches").GetInt32()));
        Assert.Equal(240, body.GetProperty("promptTokens").GetInt32());
    }
}
