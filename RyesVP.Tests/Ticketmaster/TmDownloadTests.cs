using System.Diagnostics;
using System.Text.Json;
using RyesVP.Domain.Ticketmaster;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Ticketmaster;

public sealed class TmDownloadTests
{
    private const string Moody = "KovZ917ANwG";
    private static readonly DateTime From = new(2026, 12, 4, 16, 0, 0, DateTimeKind.Utc);
    private static readonly TmVenueWindow MoodyWindow = new("moody-center", Moody, From, From.AddMonths(6));

    [Fact]
    public void Parser_FillsEveryCacheFieldByTheWebAppsRules()
    {
        var json = TicketmasterFake.Event("vvG1fZ9xKq3AbC", "Black Pumas", new DateTime(2026, 10, 18, 1, 0, 0, DateTimeKind.Utc)).ToJsonString();
        var row = TmEventParser.Parse(JsonDocument.Parse(json).RootElement, "moody-center", Moody)!;

        Assert.Equal("2026-10-17", row.LocalDate); // 8 PM in Austin, the next day in UTC
        Assert.Equal(new DateTime(2026, 10, 18, 1, 0, 0, DateTimeKind.Utc), row.StartDateTime);
        Assert.EndsWith("_16_9.jpg", row.ImageUrl, StringComparison.Ordinal);
        Assert.Equal(("A-vvG1fZ9xKq3AbC", "Black Pumas"), (row.AttractionId, row.AttractionName));
        Assert.Equal(["Opener"], row.SupportingActs);
        Assert.Equal("https://open.spotify.com/artist/0ExAmPlEsPoTiFyId00001", (string?)row.ExternalLinks!["spotify"]);
        Assert.Equal(("Rock", "Pop", "Music"), (row.Genre, row.SubGenre, row.Segment));
        Assert.Equal(("653", "LIVE NATION MUSIC", "onsale"), (row.PromoterId, row.PromoterName, row.Status));
        Assert.Equal(8, row.TicketLimit);
        Assert.Equal("Artist Presale", (string?)row.Presales![0]!["name"]);
        Assert.Equal("America/Chicago", row.Timezone);
        Assert.StartsWith("https://mapsapi.tmol.io/", row.SeatmapUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_NoSpecificTimeUsesAustinMidnight_NoLocalDateIsSkipped_TimezoneFallsBackToTheVenue()
    {
        var noTime = TicketmasterFake.Event("t1", "Festival", DateTime.UtcNow, e =>
        {
            var start = e["dates"]!["start"]!.AsObject();
            start.Remove("dateTime");
            start.Remove("localTime");
            start["localDate"] = "2026-12-20";
            e["dates"]!.AsObject().Remove("timezone");
        });
        var row = TmEventParser.Parse(JsonDocument.Parse(noTime.ToJsonString()).RootElement, "moody-center", Moody)!;
        Assert.Equal(new DateTime(2026, 12, 20, 6, 0, 0, DateTimeKind.Utc), row.StartDateTime);
        Assert.Equal("America/Chicago", row.Timezone);

        var noDate = TicketmasterFake.Event("t2", "TBA", DateTime.UtcNow, e => e["dates"]!["start"]!.AsObject().Remove("localDate"));
        Assert.Null(TmEventParser.Parse(JsonDocument.Parse(noDate.ToJsonString()).RootElement, "moody-center", Moody));
    }

    [Fact]
    public async Task Download_PagesThroughAVenueWith450Events_StrictTimestampsAndSize200()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new TicketmasterFake();
        fake.AddMany(Moody, 450, From.AddDays(1), TimeSpan.FromHours(7));
        await using var services = TicketmasterFake.Services(fake.BaseUrl, databaseUrl: db.Url);

        var result = await services.GetRequiredService<TmDownloadStep>().DownloadVenueAsync(MoodyWindow, CancellationToken.None);

        Assert.Equal((450, 3, 3, null), (result.Events, result.Pages, result.ApiCalls, result.Error));
        Assert.Equal(450, await db.ScalarAsync<long>("""SELECT count(*) FROM "TMEventCache" WHERE "venueSlug" = 'moody-center'"""));
        var queries = fake.Queries();
        Assert.Equal(["0", "1", "2"], queries.Select(q => q["page"]));
        Assert.All(queries, q =>
        {
            Assert.Equal("200", q["size"]);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", q["startDateTime"]);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", q["endDateTime"]);
        });
    }

    [Fact]
    public async Task Download_MoreThanThePagingDepth_SplitsTheWindowAndKeepsEveryEvent()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new TicketmasterFake();
        fake.AddMany(Moody, 2300, From.AddHours(1), TimeSpan.FromHours(1.5));
        await using var services = TicketmasterFake.Services(fake.BaseUrl, databaseUrl: db.Url);

        var result = await services.GetRequiredService<TmDownloadStep>().DownloadVenueAsync(MoodyWindow, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(2300, result.Events);
        Assert.Equal(2300, await db.ScalarAsync<long>("""SELECT count(DISTINCT "id") FROM "TMEventCache" """));
        Assert.All(fake.Queries(), q => Assert.True(int.Parse(q["page"], System.Globalization.CultureInfo.InvariantCulture) * 200 < 1000));
    }

    [Fact]
    public async Task Download_429ThenSuccess_WaitsForRetryAfterAndSucceeds()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new TicketmasterFake();
        fake.AddMany(Moody, 3, From.AddDays(1), TimeSpan.FromDays(1));
        fake.Fail(Moody, 429, TicketmasterFake.QuotaViolation, new Dictionary<string, string> { ["Retry-After"] = "1" }, times: 1);
        await using var services = TicketmasterFake.Services(fake.BaseUrl, databaseUrl: db.Url);

        var clock = Stopwatch.StartNew();
        var result = await services.GetRequiredService<TmDownloadStep>().DownloadVenueAsync(MoodyWindow, CancellationToken.None);

        Assert.Equal((3, null), (result.Events, result.Error));
        Assert.Equal(2, fake.Calls);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {clock.Elapsed}");
    }

    [Fact]
    public async Task Download_401_FailsTheVenueNamingTheKeySetting_WithoutTheKey_AndKeepsItsRows()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new TicketmasterFake();
        fake.AddMany(Moody, 5, From.AddDays(1), TimeSpan.FromDays(1));
        await using (var good = TicketmasterFake.Services(fake.BaseUrl, databaseUrl: db.Url))
        {
            await good.GetRequiredService<TmDownloadStep>().DownloadVenueAsync(MoodyWindow, CancellationToken.None);
        }

        await using var bad = TicketmasterFake.Services(fake.BaseUrl, key: "WRONG_KEY_123", databaseUrl: db.Url);
        var result = await bad.GetRequiredService<TmDownloadStep>().DownloadVenueAsync(MoodyWindow, CancellationToken.None);

        Assert.Contains("TICKETMASTER_API_KEY", result.Error, StringComparison.Ordinal);
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG_KEY_123", result.Error, StringComparison.Ordinal);
        Assert.Equal(5, await db.ScalarAsync<long>("""SELECT count(*) FROM "TMEventCache" """));
    }

    [Fact]
    public async Task Download_MalformedJson_FailsTheVenueAndKeepsItsRows()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new TicketmasterFake();
        fake.AddMany(Moody, 4, From.AddDays(1), TimeSpan.FromDays(1));
        await using var services = TicketmasterFake.Services(fake.BaseUrl, databaseUrl: db.Url);
        var step = services.GetRequiredService<TmDownloadStep>();
        await step.DownloadVenueAsync(MoodyWindow, CancellationToken.None);
        fake.Fail(Moody, 200, """{"_embedded":{"events":[{"name":"Cut off""");

        var result = await step.DownloadVenueAsync(MoodyWindow, CancellationToken.None);

        Assert.Contains("unreadable", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, await db.ScalarAsync<long>("""SELECT count(*) FROM "TMEventCache" """));
    }

    [Fact]
    public async Task Download_ServerErrorAfterRetries_IsTransient_AndLeavesTheCacheAlone()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new TicketmasterFake();
        fake.AddMany(Moody, 2, From.AddDays(1), TimeSpan.FromDays(1));
        await using var services = TicketmasterFake.Services(fake.BaseUrl, databaseUrl: db.Url);
        var step = services.GetRequiredService<TmDownloadStep>();
        await step.DownloadVenueAsync(MoodyWindow, CancellationToken.None);
        fake.Fail(Moody, 500, """{"errors":[{"code":"DIS0000","detail":"internal","status":"500"}]}""");

        var ex = await Assert.ThrowsAsync<TicketmasterApiException>(() => step.DownloadVenueAsync(MoodyWindow, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(3, fake.Calls - 1); // the first download, then the request and its two HTTP retries
        Assert.Equal(2, await db.ScalarAsync<long>("""SELECT count(*) FROM "TMEventCache" """));
    }

    [Fact]
    public async Task TmDownloadJob_OverHttp_OneVenueDown_EndsPartial_KeepsThatVenuesRows_AndNeverShowsTheKey()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var fake = new TicketmasterFake();
        var now = DateTime.UtcNow;
        foreach (var venue in new[] { "KovZ917ANwG", "KovZpZAJJlvA", "KovZ917AxzU", "KovZpZAaa1nA", "KovZpZAJJ7AA" })
        {
            fake.AddMany(venue, 3, now.AddDays(2), TimeSpan.FromDays(3));
        }

        fake.Fail("KovZpZAJEFvA", 503, """{"errors":[{"code":"DIS0000","detail":"unavailable","status":"503"}]}""");
        var logs = new CapturedLogs();
        await using var host = await TestFunctionsHost.StartAsync(db, configure: s => s.AddSingleton<ILoggerProvider>(logs), settings: new Dictionary<string, string?>
        {
            ["TICKETMASTER_API_KEY"] = TicketmasterFake.Key,
            ["Ticketmaster:BaseUrl"] = fake.BaseUrl,
            ["Ticketmaster:RequestsPerSecond"] = "50",
        });
        var previous = TmEventParser.Parse(JsonDocument.Parse(TicketmasterFake.Event("lc-old", "Old Long Center row", now.AddDays(5)).ToJsonString()).RootElement, "long-center", "KovZpZAJEFvA")!;
        await host.Services.GetRequiredService<TmCacheStore>().ReplaceVenueAsync("long-center", [previous], CancellationToken.None);

        using var bad = await host.SendAsync(HttpMethod.Post, "/api/cron/tm-download?months=13");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("months", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/cron/tm-download?months=3&wait=120");
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Equal("partial", body.GetProperty("status").GetString());
        Assert.Equal((6, 15, 1), (body.GetProperty("venuesProcessed").GetInt32(), body.GetProperty("eventsDownloaded").GetInt32(), body.GetProperty("errors").GetInt32()));
        var longCenter = body.GetProperty("venues").EnumerateArray().Single(v => v.GetProperty("venue").GetString() == "long-center");
        Assert.Contains("503", longCenter.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await db.ScalarAsync<long>("""SELECT count(*) FROM "TMEventCache" WHERE "venueSlug" = 'long-center' AND "id" = 'lc-old'"""));
        Assert.Equal(15, await db.ScalarAsync<long>("""SELECT count(*) FROM "TMEventCache" WHERE "venueSlug" <> 'long-center'"""));
        Assert.DoesNotContain(TicketmasterFake.Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, e => e.Message.Contains(TicketmasterFake.Key, StringComparison.Ordinal));
        Assert.Contains(fake.Queries(), q => q["endDateTime"].StartsWith(now.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
