using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.DurableTask.Client;
using RyesVP.Cli.LocalHost;
using RyesVP.Domain.Events;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Time;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Cli.Commands;

/// <summary>
/// ryesvp bench enrich [--events 1000] [--parallelism 1,4,8]: the enrich job through the local durable host
/// (Azure Storage task hub on Azurite, a fresh hub per run) on a fresh database, against loopback fakes answering at realistic latencies (LLM 800 ms,
/// Knowledge Graph and Spotify 150 ms). Prints wall time and events per minute for each parallelism.
/// </summary>
internal static class EnrichBench
{
    private static readonly TimeSpan LlmLatency = TimeSpan.FromMilliseconds(800);
    private static readonly TimeSpan LookupLatency = TimeSpan.FromMilliseconds(150);

    public static async Task<int> RunAsync(Args args, IServiceProvider services, CancellationToken ct)
    {
        var events = int.TryParse(args.Value("events"), out var n) && n > 0 ? n : 1_000;
        var levels = (args.Value("parallelism") ?? "1,4,8").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
        var url = services.GetRequiredService<IConfiguration>()["DATABASE_URL"] ?? throw new InvalidOperationException("DATABASE_URL not set");
        await using var fake = await StartFakeAsync(ct);
        var fakeUrl = fake.Urls.Single();
        Console.WriteLine($"enrich: {events:N0} events, batches of 50, fakes at LLM {LlmLatency.TotalMilliseconds} ms / lookups {LookupLatency.TotalMilliseconds} ms, "
            + $"OpenAI pacing 500 requests/min; PostgreSQL {await BenchCommand.ServerVersionAsync(url, ct)}");
        foreach (var parallelism in levels)
        {
            await BenchCommand.OnFreshDatabaseAsync(url, async (store, db) =>
            {
                var start = AustinTime.ToUtc(AustinTime.Today(DateTimeOffset.UtcNow).AddDays(1), 19, 0);
                await store.UpsertAsync([.. Enumerable.Range(0, events).Select(i => new ScrapedEvent("stubbs", $"Bench Artist {i}", start.AddMinutes(i), null, $"bench-{i}"))], ct);
                var settings = new Dictionary<string, string?>
                {
                    ["DATABASE_URL"] = db.ConnectionString,
                    ["OPENAI_API_KEY"] = "bench-key",
                    ["GOOGLE_API_KEY"] = "bench-key",
                    ["SPOTIFY_CLIENT_ID"] = "bench",
                    ["SPOTIFY_CLIENT_SECRET"] = "bench",
                    ["OpenAI:BaseUrl"] = fakeUrl + "/v1",
                    ["Enrich:KnowledgeGraphBaseUrl"] = fakeUrl + "/v1/",
                    ["Enrich:SpotifyAccountsBaseUrl"] = fakeUrl + "/",
                    ["Enrich:SpotifyApiBaseUrl"] = fakeUrl + "/v1/",
                    ["Pipeline:BatchParallelism"] = parallelism.ToString(CultureInfo.InvariantCulture),
                    ["RYESVP_HTTP_REPLAY"] = null,
                    ["RYESVP_HTTP_RECORD"] = null,
                    ["TaskHubName"] = "bench" + Guid.NewGuid().ToString("N")[..10],
                };
                await using var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions { InMemory = false }, settings: settings, ct: ct);
                var client = host.Services.GetRequiredService<DurableTaskClient>();
                var clock = Stopwatch.StartNew();
                var started = await host.Services.GetRequiredService<JobLauncher>().StartAsync(client, JobNames.Enrich, JobTrigger.Cli, new JobParameters(), null, ct);
                var done = await client.WaitForInstanceCompletionAsync(started.InstanceId, getInputsAndOutputs: true, ct);
                clock.Stop();
                var outcome = done.ReadOutputAs<JobOutcome>()!;
                var summary = outcome.Summary!.Value;
                await using var connection = await db.OpenConnectionAsync(ct);
                var completed = await connection.ExecuteScalarAsync<long>("""SELECT count(*) FROM "Enrichment" WHERE "status" = 'COMPLETED'""");
                Console.WriteLine($"parallelism {parallelism}: {clock.Elapsed.TotalSeconds,7:F1} s, {events / clock.Elapsed.TotalMinutes,6:F0} events/min, status {outcome.Status}, "
                    + $"processed {summary.GetProperty("processed").GetInt32()}, completed rows {completed}, LLM calls {summary.GetProperty("llmCalls").GetInt32()}, "
                    + $"Spotify calls {summary.GetProperty("spotifyCalls").GetInt32()}");
                return 0;
            }, ct);
        }

        return 0;
    }

    private static async Task<WebApplication> StartFakeAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            var user = doc.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString() ?? string.Empty;
            var title = user.Split('\n')[0].Replace("Event: ", string.Empty, StringComparison.Ordinal).Trim('"');
            await Task.Delay(LlmLatency);
            var content = JsonSerializer.Serialize(new { category = "CONCERT", performer = title, description = "A benchmark show.", confidence = "high" });
            return Results.Text(new JsonObject
            {
                ["id"] = "chatcmpl-bench",
                ["object"] = "chat.completion",
                ["created"] = 1767225600,
                ["model"] = "gpt-4o-mini-2024-07-18",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 200, ["completion_tokens"] = 40, ["total_tokens"] = 240 },
            }.ToJsonString(), "application/json");
        });
        app.MapPost("/api/token", () => Results.Text("""{"access_token":"bench-token","token_type":"Bearer","expires_in":3600}""", "application/json"));
        app.MapGet("/v1/search", async (string q) =>
        {
            await Task.Delay(LookupLatency);
            return Results.Text(new JsonObject
            {
                ["artists"] = new JsonObject
                {
                    ["total"] = 1,
                    ["items"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "bench" + Math.Abs(q.GetHashCode(StringComparison.Ordinal)),
                        ["name"] = q,
                        ["popularity"] = 50,
                        ["genres"] = new JsonArray("bench"),
                        ["external_urls"] = new JsonObject { ["spotify"] = "https://open.spotify.com/artist/bench" },
                        ["images"] = new JsonArray(),
                    }),
                },
            }.ToJsonString(), "application/json");
        });
        app.MapGet("/v1/entities:search", async () =>
        {
            await Task.Delay(LookupLatency);
            return Results.Text("""{"@type":"ItemList","itemListElement":[]}""", "application/json");
        });
        await app.StartAsync(ct);
        return app;
    }
}
