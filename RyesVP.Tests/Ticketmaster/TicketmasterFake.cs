using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RyesVP.Domain;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace RyesVP.Tests.Ticketmaster;

/// <summary>
/// The Discovery API faked at the HTTP boundary: the real path, the real query rules (apikey, strict timestamps,
/// size ≤ 200, paging depth, id/date windows) over an in-memory event list per venue, plus scripted failures.
/// </summary>
public sealed class TicketmasterFake : IDisposable
{
    public const string Key = "TEST_TM_KEY_0001";
    public const string Path = "/discovery/v2/events.json";

    private readonly Dictionary<string, List<JsonObject>> venues = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public TicketmasterFake()
    {
        Server.Given(Request.Create().WithPath(Path).UsingGet()).AtPriority(100).RespondWith(Response.Create().WithCallback(Answer));
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string BaseUrl => Server.Url + "/discovery/v2/";

    public int Calls => Server.LogEntries.Count(e => e.RequestMessage.Path == Path);

    public IReadOnlyList<IDictionary<string, string>> Queries() =>
        Server.LogEntries.Where(e => e.RequestMessage.Path == Path)
            .Select(e => (IDictionary<string, string>)e.RequestMessage.Query!.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal)).ToList();

    /// <summary>Adds events to a venue (in the venue's listing).</summary>
    public void Add(string tmVenueId, params JsonObject[] events)
    {
        lock (gate)
        {
            if (!venues.TryGetValue(tmVenueId, out var list))
            {
                venues[tmVenueId] = list = [];
            }

            list.AddRange(events);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            venues.Clear();
        }
    }

    /// <summary><paramref name="count"/> events spread from <paramref name="first"/>, one every <paramref name="every"/>.</summary>
    public void AddMany(string tmVenueId, int count, DateTime first, TimeSpan every, string prefix = "Show") =>
        Add(tmVenueId, [.. Enumerable.Range(0, count).Select(i => Event($"{tmVenueId}-{i:00000}", $"{prefix} {i}", first + (every * i)))]);

    /// <summary>A scripted answer for one venue that wins over the data (optionally only for the first <paramref name="times"/> calls).</summary>
    public void Fail(string tmVenueId, int status, string body, IDictionary<string, string>? headers = null, int? times = null)
    {
        var request = Request.Create().WithPath(Path).UsingGet().WithParam("venueId", tmVenueId);
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        if (times is null)
        {
            Server.Given(request).AtPriority(1).RespondWith(response);
            return;
        }

        var scenario = "fail-" + tmVenueId + "-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < times; i++)
        {
            var step = Server.Given(request).AtPriority(1).InScenario(scenario);
            step = i == 0 ? step.WhenStateIs(null!) : step.WhenStateIs($"s{i}");
            step.WillSetStateTo($"s{i + 1}").RespondWith(response);
        }
    }

    public const string Unauthorized = """{"fault":{"faultstring":"Invalid ApiKey","detail":{"errorcode":"oauth.v2.InvalidApiKey"}}}""";
    public const string QuotaViolation = """{"fault":{"faultstring":"Rate limit quota violation. Quota limit  exceeded. Identifier : TEST_TM_KEY_0001","detail":{"errorcode":"policies.ratelimit.QuotaViolation"}}}""";

    /// <summary>A Discovery event in the documented shape (dates in UTC; local date and time in Austin).</summary>
    public static JsonObject Event(string id, string name, DateTime startUtc, Action<JsonObject>? tweak = null)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, RyesVP.Domain.Time.AustinTime.Zone);
        var e = new JsonObject
        {
            ["name"] = name,
            ["type"] = "event",
            ["id"] = id,
            ["test"] = false,
            ["url"] = $"https://www.ticketmaster.com/event/{id}",
            ["locale"] = "en-us",
            ["images"] = new JsonArray(
                new JsonObject { ["ratio"] = "3_2", ["url"] = $"https://s1.ticketm.net/dam/{id}_3_2.jpg", ["width"] = 305, ["height"] = 203, ["fallback"] = false },
                new JsonObject { ["ratio"] = "16_9", ["url"] = $"https://s1.ticketm.net/dam/{id}_16_9.jpg", ["width"] = 1136, ["height"] = 639, ["fallback"] = false }),
            ["sales"] = new JsonObject
            {
                ["public"] = new JsonObject { ["startDateTime"] = "2026-06-12T15:00:00Z", ["startTBD"] = false, ["startTBA"] = false, ["endDateTime"] = Iso(startUtc) },
                ["presales"] = new JsonArray(new JsonObject { ["startDateTime"] = "2026-06-10T15:00:00Z", ["endDateTime"] = "2026-06-12T04:00:00Z", ["name"] = "Artist Presale" }),
            },
            ["dates"] = new JsonObject
            {
                ["start"] = new JsonObject
                {
                    ["localDate"] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["localTime"] = local.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                    ["dateTime"] = Iso(startUtc),
                    ["dateTBD"] = false,
                    ["dateTBA"] = false,
                    ["timeTBA"] = false,
                    ["noSpecificTime"] = false,
                },
                ["timezone"] = "America/Chicago",
                ["status"] = new JsonObject { ["code"] = "onsale" },
                ["spanMultipleDays"] = false,
            },
            ["classifications"] = new JsonArray(new JsonObject
            {
                ["primary"] = true,
                ["segment"] = new JsonObject { ["id"] = "KZFzniwnSyZfZ7v7nJ", ["name"] = "Music" },
                ["genre"] = new JsonObject { ["id"] = "KnvZfZ7vAeA", ["name"] = "Rock" },
                ["subGenre"] = new JsonObject { ["id"] = "KZazBEonSMnZfZ7v6F1", ["name"] = "Pop" },
            }),
            ["promoter"] = new JsonObject { ["id"] = "653", ["name"] = "LIVE NATION MUSIC" },
            ["seatmap"] = new JsonObject { ["staticUrl"] = $"https://mapsapi.tmol.io/maps/geometry/3/event/{id}/staticImage?type=png&systemId=HOST" },
            ["ticketLimit"] = new JsonObject { ["info"] = "There is an overall 8 ticket limit for this event." },
            ["externalLinks"] = new JsonObject { ["spotify"] = new JsonArray(new JsonObject { ["url"] = "https://open.spotify.com/artist/0ExAmPlEsPoTiFyId00001" }) },
            ["_embedded"] = new JsonObject
            {
                ["venues"] = new JsonArray(new JsonObject { ["name"] = "Venue", ["id"] = "V", ["timezone"] = "America/Chicago" }),
                ["attractions"] = new JsonArray(
                    new JsonObject { ["name"] = name, ["id"] = "A-" + id },
                    new JsonObject { ["name"] = "Opener", ["id"] = "B-" + id }),
            },
        };
        tweak?.Invoke(e);
        return e;
    }

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static ServiceProvider Services(string baseUrl, string? key = Key, string? databaseUrl = null, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TICKETMASTER_API_KEY"] = key,
            ["DATABASE_URL"] = databaseUrl,
            ["Ticketmaster:BaseUrl"] = baseUrl,
            ["Ticketmaster:RequestsPerSecond"] = "50",
            ["Pipeline:HttpRetryAttempts"] = "2",
            ["Pipeline:HttpRetryDelayMs"] = "20",
            ["Pipeline:HttpTimeoutSeconds"] = "5",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddRyesVPDomain(configuration)
            .BuildServiceProvider();
    }

    private ResponseMessage Answer(IRequestMessage request)
    {
        string Q(string name) => request.Query is { } q && q.TryGetValue(name, out var v) ? v.ToString() : string.Empty;
        if (Q("apikey") != Key)
        {
            return Json(401, Unauthorized);
        }

        if (!TryStamp(Q("startDateTime"), out var from) || !TryStamp(Q("endDateTime"), out var to))
        {
            return Json(400, """{"errors":[{"code":"DIS1015","detail":"Query param with date must be of valid format YYYY-MM-DDTHH:mm:ssZ {example: 2020-08-01T14:00:00Z }","status":"400 BAD_REQUEST"}]}""");
        }

        var size = int.Parse(Q("size"), CultureInfo.InvariantCulture);
        var page = int.Parse(Q("page"), CultureInfo.InvariantCulture);
        if (size > 200)
        {
            return Json(400, """{"errors":[{"code":"DIS1036","detail":"Query param \"size\" must be less than 200","status":"400 BAD_REQUEST"}]}""");
        }

        if (size * page >= 1000)
        {
            return Json(400, """{"errors":[{"code":"DIS1035","detail":"API Limits Exceeded: Max paging depth exceeded. (page * size) must be less than 1,000","status":"400 BAD_REQUEST"}]}""");
        }

        List<JsonObject> matching;
        lock (gate)
        {
            matching = (venues.TryGetValue(Q("venueId"), out var list) ? list : [])
                .Where(e => e["dates"]!["start"]!["dateTime"] is not { } dt || (Start(dt) >= from && Start(dt) <= to))
                .OrderBy(e => (string)e["id"]!, StringComparer.Ordinal)
                .ToList();
        }

        var total = matching.Count;
        var pages = (total + size - 1) / size;
        var body = new JsonObject
        {
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = Path + "?page=" + page } },
            ["page"] = new JsonObject { ["size"] = size, ["totalElements"] = total, ["totalPages"] = pages, ["number"] = page },
        };
        var slice = matching.Skip(page * size).Take(size).Select(e => (JsonNode)e.DeepClone()).ToArray();
        if (slice.Length > 0)
        {
            body["_embedded"] = new JsonObject { ["events"] = new JsonArray(slice) };
        }

        return Json(200, body.ToJsonString(), ("Rate-Limit", "5000"), ("Rate-Limit-Available", "4999"), ("Rate-Limit-Over", "0"));
    }

    private static DateTime Start(JsonNode dt) => DateTime.Parse((string)dt!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    private static bool TryStamp(string text, out DateTime at) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out at);

    private static ResponseMessage Json(int status, string body, params (string Name, string Value)[] headers)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/json;charset=utf-8");
        foreach (var (name, value) in headers)
        {
            message.AddHeader(name, value);
        }

        return message;
    }

    public void Dispose() => Server.Stop();
}
