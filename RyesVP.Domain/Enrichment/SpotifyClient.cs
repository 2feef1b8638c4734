using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RyesVP.Domain.Http;

namespace RyesVP.Domain.Enrichment;

/// <summary>An artist as search returns it. Popularity and genres may be absent (development-mode apps, February 2026).</summary>
public sealed record SpotifyArtist(string Id, string Name, string? Url, string? ImageUrl, IReadOnlyList<string> Genres, int? Popularity);

/// <summary>The one Spotify gate of this process, and the cached client-credentials token.</summary>
public sealed class SpotifyGate(IOptions<EnrichOptions> options, TimeProvider time) : RateGate(options.Value.SpotifyRequestsPerSecond, time)
{
    public SemaphoreSlim TokenLock { get; } = new(1, 1);

    public string? Token { get; set; }

    public DateTimeOffset TokenExpires { get; set; }
}

/// <summary>
/// A small typed Spotify client (the SpotifyAPI.Web package is not available here): client-credentials token cached
/// until a minute before expiry, artist search (limit ≤ 10). 429s are retried by the resilience handler after Retry-After.
/// </summary>
public sealed class SpotifyClient(HttpClient http, IConfiguration configuration, IOptions<EnrichOptions> options, SpotifyGate gate, TimeProvider time)
{
    public const string IdSetting = "SPOTIFY_CLIENT_ID";
    public const string SecretSetting = "SPOTIFY_CLIENT_SECRET";

    public bool HasCredentials => !string.IsNullOrWhiteSpace(configuration[IdSetting]) && !string.IsNullOrWhiteSpace(configuration[SecretSetting]);

    public async Task<IReadOnlyList<SpotifyArtist>> SearchArtistsAsync(string query, int limit, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(attempt > 0, ct);
            await gate.WaitAsync(ct);
            using var request = new HttpRequestMessage(HttpMethod.Get,
                new Uri(new Uri(options.Value.SpotifyApiBaseUrl), $"search?q={Uri.EscapeDataString(query)}&type=artist&limit={Math.Clamp(limit, 1, 10)}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                continue; // the token expired early: fetch a new one once
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new LookupException($"Spotify search answered {(int)response.StatusCode}: {ErrorText(body)}", (int)response.StatusCode);
            }

            try
            {
                using var doc = JsonDocument.Parse(body);
                if (!doc.RootElement.TryGetProperty("artists", out var artists) || !artists.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    return [];
                }

                return items.EnumerateArray().Select(Map).OfType<SpotifyArtist>().ToList();
            }
            catch (JsonException ex)
            {
                throw new LookupException($"Spotify search answered unreadable JSON: {ex.Message}", 200);
            }
        }
    }

    private async Task<string> TokenAsync(bool renew, CancellationToken ct)
    {
        await gate.TokenLock.WaitAsync(ct);
        try
        {
            if (!renew && gate.Token is { } cached && time.GetUtcNow() < gate.TokenExpires)
            {
                return cached;
            }

            var id = configuration[IdSetting];
            var secret = configuration[SecretSetting];
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret))
            {
                throw new InvalidOperationException($"{IdSetting}/{SecretSetting} not set");
            }

            await gate.WaitAsync(ct);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.SpotifyAccountsBaseUrl), "api/token"))
            {
                Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new LookupException($"Spotify token request answered {(int)response.StatusCode}: {ErrorText(body)}", (int)response.StatusCode);
            }

            try
            {
                using var doc = JsonDocument.Parse(body);
                var token = doc.RootElement.GetProperty("access_token").GetString() ?? throw new KeyNotFoundException("access_token");
                var seconds = doc.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600;
                gate.Token = token;
                gate.TokenExpires = time.GetUtcNow().AddSeconds(Math.Max(0, seconds - 60));
                return token;
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new LookupException($"Spotify token response unreadable: {ex.Message}", 200);
            }
        }
        finally
        {
            gate.TokenLock.Release();
        }
    }

    private static SpotifyArtist? Map(JsonElement a)
    {
        if (Str(a, "id") is not { } id || Str(a, "name") is not { } name)
        {
            return null;
        }

        var url = a.TryGetProperty("external_urls", out var urls) ? Str(urls, "spotify") : null;
        var image = a.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array && images.GetArrayLength() > 0 ? Str(images[0], "url") : null;
        var genres = a.TryGetProperty("genres", out var g) && g.ValueKind == JsonValueKind.Array
            ? g.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        int? popularity = a.TryGetProperty("popularity", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
        return new SpotifyArtist(id, name, url, image, genres, popularity);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    /// <summary>Both error forms: the Web API's {"error":{status,message}} and OAuth's {"error":"…","error_description":"…"}.</summary>
    private static string ErrorText(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var error = doc.RootElement.GetProperty("error");
            return error.ValueKind == JsonValueKind.String
                ? $"{error.GetString()}{(doc.RootElement.TryGetProperty("error_description", out var d) ? ": " + d.GetString() : string.Empty)}"
                : error.GetProperty("message").GetString() ?? "error";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
