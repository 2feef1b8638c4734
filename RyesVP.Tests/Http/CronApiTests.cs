using System.Net;
using System.Text.Json;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Http;

/// <summary>The cron API through the real server (Kestrel on loopback), in-memory task hub, real Postgres.</summary>
public sealed class CronApiTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private readonly CapturedLogs logs = new();
    private TestFunctionsHost host = null!;

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync();
        host = await TestFunctionsHost.StartAsync(db, replay: Path.Combine(Samples.Directory, "venues"), configure: s => s.AddLogging(l => l.AddProvider(logs)));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await db.DisposeAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("Bearer wrong-secret")]
    // Whitespace at the very ends of a header value is optional whitespace in HTTP and never reaches the
    // server; whitespace that does reach it must not be forgiven.
    [InlineData("Bearer  " + TestFunctionsHost.Secret)]
    [InlineData("Bearer " + TestFunctionsHost.Secret + " x")]
    [InlineData("Bearer \t" + TestFunctionsHost.Secret)]
    [InlineData("Bearer " + TestFunctionsHost.Secret + "0")]
    [InlineData("bearer " + TestFunctionsHost.Secret)]
    [InlineData("Bearer")]
    public async Task AnyRoute_WithoutTheRightBearer_Is401WithChallenge(string? authorization)
    {
        foreach (var path in new[] { "/api/cron/scrape", "/api/cron/runs", "/api/cron/runs/x", "/api/ingest/all", "/api/cron/nope" })
        {
            using var response = await host.SendAsync(HttpMethod.Get, path, authorization);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("Unauthorized", (await Json(response)).GetProperty("error").GetString());
        }

        Assert.Equal(0L, await db.ScalarAsync<long>("""SELECT count(*) FROM "JobRun" """));
    }

    [Fact]
    public async Task AnyRoute_SecretUnset_Is500ServerMisconfigured()
    {
        await using var bare = await TestFunctionsHost.StartAsync(db, settings: new Dictionary<string, string?> { ["CRON_SECRET"] = null });

        using var response = await bare.SendAsync(HttpMethod.Post, "/api/cron/scrape", "Bearer anything");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Server misconfigured: CRON_SECRET not set", (await Json(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task UnknownJob_Is404ListingTheJobs()
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/cron/everything");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var jobs = (await Json(response)).GetProperty("jobs").EnumerateArray().Select(j => j.GetString()).ToList();
        Assert.Contains("scrape", jobs);
        Assert.Contains("daily", jobs);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=NaN", "limit")]
    [InlineData("months=13", "months")]
    [InlineData("months=-1", "months")]
    [InlineData("force=maybe", "force")]
    [InlineData("wait=9999", "wait")]
    [InlineData("wait=soon", "wait")]
    [InlineData("venue=the-moon", "venue")]
    [InlineData("limit=1&limit=2", "limit")]
    public async Task StartJob_InvalidParameter_Is400NamingIt(string query, string parameter)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/cron/scrape?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(parameter + " ", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("""SELECT count(*) FROM "JobRun" """));
    }

    [Theory]
    [InlineData("/api/cron/runs?top=0", "top")]
    [InlineData("/api/cron/runs?status=done", "status")]
    [InlineData("/api/cron/runs?job=nope", "job")]
    [InlineData("/api/cron/runs?since=yesterday", "since")]
    public async Task ListRuns_InvalidParameter_Is400NamingIt(string path, string parameter)
    {
        using var response = await host.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(parameter + " ", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartJob_Accepted_Is202WithLocationAndStatusUrl()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/cron/scrape?venue=stubbs");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await Json(response);
        var id = body.GetProperty("instanceId").GetString()!;
        Assert.Equal("scrape", body.GetProperty("job").GetString());
        Assert.Equal($"{host.BaseUrl}/api/cron/runs/{id}", body.GetProperty("statusUrl").GetString());
        Assert.Equal(body.GetProperty("statusUrl").GetString(), response.Headers.Location!.ToString());
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter!.Delta);

        await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false);
        using var status = await host.SendAsync(HttpMethod.Get, $"/api/cron/runs/{id}");
        var run = await Json(status);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("http", run.GetProperty("trigger").GetString());
        Assert.Equal(1, run.GetProperty("summary").GetProperty("venues").GetInt32());
        Assert.Equal(3, run.GetProperty("summary").GetProperty("totalEvents").GetInt32());
    }

    [Fact]
    public async Task StartJob_WithWait_Returns200AndTheSummary()
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/cron/scrape?wait=60");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.EndsWith("ms", body.GetProperty("duration").GetString(), StringComparison.Ordinal);
        Assert.Equal(17, body.GetProperty("venues").GetInt32());
        Assert.Equal(17, body.GetProperty("succeeded").GetInt32());
        Assert.True(body.GetProperty("totalEvents").GetInt32() > 40);
        Assert.Equal(body.GetProperty("totalEvents").GetInt32(), body.GetProperty("created").GetInt32()); // a fresh database

        using var again = await host.SendAsync(HttpMethod.Post, "/api/cron/scrape?wait=60");
        var second = await Json(again);
        Assert.Equal((0, 0, body.GetProperty("totalEvents").GetInt32()), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task StartJob_TwentyConcurrentStarts_OneAcceptedNineteenConflicts()
    {
        using var go = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            using var response = await host.SendAsync(HttpMethod.Post, "/api/cron/scrape");
            return (response.StatusCode, Body: await Json(response));
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(requests);

        var accepted = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Accepted);
        var conflicts = results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(19, conflicts.Count);
        var id = accepted.Body.GetProperty("instanceId").GetString();
        Assert.All(conflicts, c => Assert.Equal(id, c.Body.GetProperty("instanceId").GetString()));
        Assert.All(conflicts, c => Assert.EndsWith($"/api/cron/runs/{id}", c.Body.GetProperty("statusUrl").GetString(), StringComparison.Ordinal));
        var instances = 0;
        await foreach (var _ in host.Client.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery { InstanceIdPrefix = "scrape-" }))
        {
            instances++;
        }

        Assert.Equal(1, instances);
    }

    [Fact]
    public async Task GetRun_UnknownId_Is404()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/api/cron/runs/scrape-19990101T000000000-abcdef");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("scrape-19990101T000000000-abcdef", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRuns_FiltersByJobAndStatus_NewestFirst()
    {
        using (await host.SendAsync(HttpMethod.Post, "/api/cron/scrape?venue=stubbs&wait=60"))
        {
        }

        using (await host.SendAsync(HttpMethod.Post, "/api/cron/daily?wait=60"))
        {
        }

        using var all = await host.SendAsync(HttpMethod.Get, "/api/cron/runs");
        var runs = (await Json(all)).GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["daily", "scrape"], runs.Select(r => r.GetProperty("job").GetString())); // steps hidden unless asked
        using var scrapes = await host.SendAsync(HttpMethod.Get, "/api/cron/runs?job=scrape&status=succeeded");
        var scrapeRuns = (await Json(scrapes)).GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(2, scrapeRuns.Count); // the standalone run and the daily's step
        Assert.Equal("parent", scrapeRuns[0].GetProperty("trigger").GetString());
        Assert.True(scrapeRuns[0].GetProperty("startedAt").GetDateTime() >= scrapeRuns[1].GetProperty("startedAt").GetDateTime());
    }

    [Fact]
    public async Task IngestAll_RedirectsPermanentlyToTheScrapeJob()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(host.BaseUrl) };
        using var request = host.Request(HttpMethod.Post, "/api/ingest/all");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/api/cron/scrape", response.Headers.Location!.ToString());
    }
}
