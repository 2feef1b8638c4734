using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace RyesVP.Tests.Enrichment;

/// <summary>
/// Spotify (POST /api/token, GET /v1/search) and Knowledge Graph (GET /v1/entities:search) on one WireMock server at
/// their real paths, answering per query from scripts, with realistic bodies and error shapes.
/// </summary>
public sealed class LookupFakes : IDisposable
{
    public const string GoogleKey = "TEST_GOOGLE_KEY_01";
    public const string SpotifyId = "test-spotify-id";
    public const string SpotifySecret = "test-spotify-secret";

    private readonly Dictionary<string, Func<int, Answer>> spotify = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<int, Answer>> kg = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    public sealed record Answer(int Status, string Body, int RetryAfter = 0);

    public LookupFakes(TimeSpan? latency = null)
    {
        Respond(Request.Create().WithPath("/api/token").UsingPost(), _ => new Answer(200, """{"access_token":"BQDtestTokenForWireMockOnly0123456789","token_type":"Bearer","expires_in":3600}"""), latency);
        Respond(Request.Create().WithPath("/v1/search").UsingGet(), r => Lookup(spotify, "spotify", Q(r, "q")), latency);
        Respond(Request.Create().WithPath("/v1/entities:search").UsingGet(), r => Q(r, "key") == GoogleKey
            ? Lookup(kg, "kg", Q(r, "query"))
            : new Answer(400, """{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}"""), latency);
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public int Calls(string path) => Server.LogEntries.Count(e => e.RequestMessage.Path == path);

    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["GOOGLE_API_KEY"] = GoogleKey,
        ["SPOTIFY_CLIENT_ID"] = SpotifyId,
        ["SPOTIFY_CLIENT_SECRET"] = SpotifySecret,
        ["Enrich:KnowledgeGraphBaseUrl"] = Server.Url + "/v1/",
        ["Enrich:SpotifyAccountsBaseUrl"] = Server.Url + "/",
        ["Enrich:SpotifyApiBaseUrl"] = Server.Url + "/v1/",
    };

    /// <summary>Spotify's answer to a search for <paramref name="query"/>; attempt is 1 for the first call.</summary>
    public void Spotify(string query, Func<int, Answer> answer) => spotify[query] = answer;

    public void Spotify(string query, params JsonObject[] artists) => Spotify(query, _ => new Answer(200, new JsonObject
    {
        ["artists"] = new JsonObject
        {
            ["href"] = "https://api.spotify.com/v1/search?offset=0&limit=5&query=x&type=artist",
            ["limit"] = 5,
            ["next"] = null,
            ["offset"] = 0,
            ["previous"] = null,
            ["total"] = artists.Length,
            ["items"] = new JsonArray([.. artists]),
        },
    }.ToJsonString()));

    public void KnowledgeGraph(string query, Func<int, Answer> answer) => kg[query] = answer;

    public void KnowledgeGraph(string query, params (string Name, string[] Types, double Score)[] hits) => KnowledgeGraph(query, _ => new Answer(200, new JsonObject
    {
        ["@context"] = new JsonObject { ["@vocab"] = "http://schema.org/", ["goog"] = "http://schema.googleapis.com/", ["resultScore"] = "goog:resultScore" },
        ["@type"] = "ItemList",
        ["itemListElement"] = new JsonArray([.. hits.Select((h, i) => (JsonNode)new JsonObject
        {
            ["@type"] = "EntitySearchResult",
            ["result"] = new JsonObject
            {
                ["@id"] = $"kg:/g/11fake{i}",
                ["name"] = h.Name,
                ["@type"] = new JsonArray([.. h.Types.Select(t => (JsonNode?)JsonValue.Create(t))]),
                ["description"] = "American comedian",
                ["image"] = new JsonObject { ["contentUrl"] = "https://encrypted-tbn0.gstatic.com/images?q=fake", ["url"] = "https://en.wikipedia.org/wiki/Fake" },
                ["detailedDescription"] = new JsonObject { ["articleBody"] = h.Name + " is a performer. ", ["url"] = "https://en.wikipedia.org/wiki/" + Uri.EscapeDataString(h.Name) },
            },
            ["resultScore"] = h.Score,
        })]),
    }.ToJsonString()));

    /// <summary>An artist object; <paramref name="devMode"/> drops followers and popularity and empties genres (February 2026).</summary>
    public static JsonObject Artist(string name, int popularity, bool devMode = false)
    {
        var id = "0ExAmPl" + Math.Abs(name.GetHashCode(StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(15, '0')[..15];
        var a = new JsonObject
        {
            ["external_urls"] = new JsonObject { ["spotify"] = "https://open.spotify.com/artist/" + id },
            ["genres"] = devMode ? new JsonArray() : new JsonArray("psychedelic soul", "austin soul"),
            ["href"] = "https://api.spotify.com/v1/artists/" + id,
            ["id"] = id,
            ["images"] = new JsonArray(new JsonObject { ["url"] = "https://i.scdn.co/image/" + id, ["height"] = 640, ["width"] = 640 }),
            ["name"] = name,
            ["type"] = "artist",
            ["uri"] = "spotify:artist:" + id,
        };
        if (!devMode)
        {
            a["followers"] = new JsonObject { ["href"] = null, ["total"] = 1234 };
            a["popularity"] = popularity;
        }

        return a;
    }

    public static Answer RateLimited(int seconds) => new(429, """{"error":{"status":429,"message":"API rate limit exceeded"}}""", seconds);

    public static Answer ServerError() => new(500, """{"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}}""");

    private Answer Lookup(Dictionary<string, Func<int, Answer>> table, string api, string query)
    {
        int attempt;
        Func<int, Answer>? script;
        lock (gate)
        {
            attempt = seen[api + ":" + query] = seen.GetValueOrDefault(api + ":" + query) + 1;
            table.TryGetValue(query, out script);
        }

        return script?.Invoke(attempt) ?? (api == "kg"
            ? new Answer(200, """{"@context":{"@vocab":"http://schema.org/"},"@type":"ItemList","itemListElement":[]}""")
            : new Answer(200, """{"artists":{"href":"x","limit":5,"next":null,"offset":0,"previous":null,"total":0,"items":[]}}"""));
    }

    private void Respond(IRequestBuilder request, Func<IRequestMessage, Answer> answer, TimeSpan? latency)
    {
        var response = Response.Create().WithCallback(r =>
        {
            var a = answer(r);
            var message = new ResponseMessage
            {
                StatusCode = a.Status,
                BodyData = new BodyData { BodyAsString = a.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
            };
            message.AddHeader("Content-Type", "application/json; charset=utf-8");
            if (a.RetryAfter > 0)
            {
                message.AddHeader("Retry-After", a.RetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return message;
        });
        Server.Given(request).RespondWith(latency is { } d ? response.WithDelay(d) : response);
    }

    private static string Q(IRequestMessage r, string name) => r.Query is { } q && q.TryGetValue(name, out var v) ? v.ToString() : string.Empty;

    public void Dispose() => Server.Stop();
}
