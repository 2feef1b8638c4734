using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RyesVP.Domain.Http;

namespace RyesVP.Domain.Enrichment;

public sealed record KgHit(string EntityId, string Name, string? Description, string? Bio, string? ImageUrl, string? WikiUrl, IReadOnlyList<string> Types, double Score);

/// <summary>The one Knowledge Graph gate of this process.</summary>
public sealed class KnowledgeGraphGate(IOptions<EnrichOptions> options, TimeProvider time) : RateGate(options.Value.KnowledgeGraphRequestsPerSecond, time);

/// <summary>Typed Knowledge Graph Search client. The path is "./entities:search": without "./" the colon makes it an absolute URI.</summary>
public sealed class KnowledgeGraphClient(HttpClient http, IConfiguration configuration, KnowledgeGraphGate gate)
{
    public const string KeySetting = "GOOGLE_API_KEY";

    public bool HasKey => !string.IsNullOrWhiteSpace(configuration[KeySetting]);

    /// <summary>Up to <paramref name="limit"/> results, best first.</summary>
    public async Task<IReadOnlyList<KgHit>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        var key = configuration[KeySetting] ?? throw new InvalidOperationException($"{KeySetting} not set");
        await gate.WaitAsync(ct);
        using var response = await http.GetAsync(
            $"./entities:search?query={Uri.EscapeDataString(query)}&key={Uri.EscapeDataString(key)}&limit={limit}&indent=false&languages=en", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new LookupException($"Knowledge Graph answered {(int)response.StatusCode}: {GoogleError(body)}", (int)response.StatusCode);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("itemListElement", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return items.EnumerateArray().Select(Map).OfType<KgHit>().ToList();
        }
        catch (JsonException ex)
        {
            throw new LookupException($"Knowledge Graph answered unreadable JSON: {ex.Message}", 200);
        }
    }

    private static KgHit? Map(JsonElement item)
    {
        if (!item.TryGetProperty("result", out var r) || r.ValueKind != JsonValueKind.Object || Str(r, "name") is not { } name)
        {
            return null;
        }

        var detail = r.TryGetProperty("detailedDescription", out var d) ? d : default;
        var image = r.TryGetProperty("image", out var i) ? i : default;
        var types = r.TryGetProperty("@type", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        var score = item.TryGetProperty("resultScore", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0;
        return new KgHit(Str(r, "@id") ?? string.Empty, name, Str(r, "description"), Str(detail, "articleBody")?.Trim(), Str(image, "contentUrl"),
            Str(detail, "url") ?? Str(r, "url"), types, score);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    /// <summary>Google's error shape: status and message (never the request URL, which carries the key).</summary>
    internal static string GoogleError(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var error = doc.RootElement.GetProperty("error");
            var reason = error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array
                ? details.EnumerateArray().Select(x => x.TryGetProperty("reason", out var r) ? r.GetString() : null).FirstOrDefault(x => x is not null)
                : null;
            return $"{error.GetProperty("status").GetString()} {error.GetProperty("message").GetString()}{(reason is null ? string.Empty : $" [{reason}]")}";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
