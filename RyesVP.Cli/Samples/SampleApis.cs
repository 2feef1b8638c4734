using System.Text.Json;
using System.Text.Json.Nodes;
using RyesVP.Domain.Http;
using RyesVP.Domain.Time;

namespace RyesVP.Cli.Samples;

/// <summary>
/// RYESVP_SAMPLE_APIS=samples/apis: a loopback server answering Ticketmaster, Google Weather, Knowledge Graph,
/// Spotify and OpenAI from the hand-made sample responses there (their documented wire shapes, dates following the
/// calendar), with sample keys and base URLs pointed at it. The pipeline's real clients call it over HTTP, so an
/// offline run exercises every step end to end. Offline only: nothing here is used when the setting is absent.
/// </summary>
public sealed class SampleApis : IAsyncDisposable
{
    public const string Setting = "RYESVP_SAMPLE_APIS";
    private const string SampleKey = "sample-key-not-a-secret";

    private readonly WebApplication app;

    private SampleApis(WebApplication app) => this.app = app;

    public string Url => app.Urls.Single();

    /// <summary>The settings that point every client at this server.</summary>
    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["TICKETMASTER_API_KEY"] = SampleKey,
        ["GOOGLE_API_KEY"] = SampleKey,
        ["OPENAI_API_KEY"] = SampleKey,
        ["SPOTIFY_CLIENT_ID"] = "sample-client",
        ["SPOTIFY_CLIENT_SECRET"] = SampleKey,
        ["Ticketmaster:BaseUrl"] = Url + "/discovery/v2/",
        ["Weather:BaseUrl"] = Url + "/v1/",
        ["OpenAI:BaseUrl"] = Url + "/v1",
        ["Enrich:KnowledgeGraphBaseUrl"] = Url + "/v1/",
        ["Enrich:SpotifyAccountsBaseUrl"] = Url + "/",
        ["Enrich:SpotifyApiBaseUrl"] = Url + "/v1/",
    };

    public static async Task<SampleApis> StartAsync(string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{Setting}: '{directory}' does not exist");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var web = builder.Build();
        string Read(string file) => HttpRecording.ExpandDates(File.ReadAllText(Path.Combine(directory, file)), AustinTime.Today(DateTimeOffset.UtcNow));
        JsonNode? Table(string file, string section) => JsonNode.Parse(Read(file))?[section];

        web.MapGet("/discovery/v2/events.json", (string venueId, int page) =>
        {
            var file = Path.Combine("ticketmaster", Path.GetFileName(venueId) + ".json");
            var body = page == 0 && File.Exists(Path.Combine(directory, file))
                ? JsonNode.Parse(Read(file))!["body"]!.ToJsonString()
                : new JsonObject
                {
                    ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = "/discovery/v2/events.json?page=" + page } },
                    ["page"] = new JsonObject { ["size"] = 200, ["totalElements"] = 0, ["totalPages"] = 0, ["number"] = page },
                }.ToJsonString();
            return Results.Text(body, "application/json;charset=utf-8");
        });
        web.MapGet("/v1/forecast/days:lookup", () => Results.Text(Read("google-weather-forecast.json"), "application/json"));
        web.MapGet("/v1/entities:search", (string query) =>
            Results.Text(Table("knowledge-graph.json", "search")?[query]?.ToJsonString() ?? """{"@type":"ItemList","itemListElement":[]}""", "application/json"));
        web.MapPost("/api/token", () => Results.Text("""{"access_token":"sample-token","token_type":"Bearer","expires_in":3600}""", "application/json"));
        web.MapGet("/v1/search", (string q) => Results.Text(
            Table("spotify.json", "search")?[q]?.ToJsonString() ?? """{"artists":{"href":"sample","limit":5,"next":null,"offset":0,"previous":null,"total":0,"items":[]}}""",
            "application/json"));
        web.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            var schema = doc.RootElement.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString();
            var user = doc.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString() ?? string.Empty;
            var first = user.Split('\n')[0];
            var start = first.IndexOf('"', StringComparison.Ordinal);
            var title = start >= 0 ? first[(start + 1)..first.IndexOf('"', start + 1)] : first;
            var answers = Table("openai.json", schema == "tm_match" ? "tm-match" : "enrich");
            var content = answers?[title]?.ToJsonString() ?? (schema == "tm_match"
                ? """{"reason":"No sample answer for this event.","match":null,"confidence":"low","preferTMTitle":false}"""
                : """{"category":"OTHER","performer":null,"description":"","confidence":"low"}""");
            return Results.Text(new JsonObject
            {
                ["id"] = "chatcmpl-sample",
                ["object"] = "chat.completion",
                ["created"] = 1767225600,
                ["model"] = "gpt-4o-mini-2024-07-18",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null, ["annotations"] = new JsonArray() },
                    ["logprobs"] = null,
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = user.Length / 4, ["completion_tokens"] = content.Length / 4, ["total_tokens"] = (user.Length + content.Length) / 4 },
            }.ToJsonString(), "application/json");
        });
        await web.StartAsync(ct);
        return new SampleApis(web);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
