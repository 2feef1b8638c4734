using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace RyesVP.Domain.Http;

/// <summary>
/// One recorded exchange, one JSON file. The key is the method, the URL with secret query values replaced by
/// "REDACTED", and (when there is one) the SHA-256 of the request body. The response body is inline
/// (<see cref="Body"/>) or in a sibling file (<see cref="BodyFile"/>), which is handier for hand-made HTML samples.
/// </summary>
public sealed partial record HttpRecording
{
    public required string Method { get; init; }

    public required string Url { get; init; }

    public string? RequestBodySha256 { get; init; }

    public int Status { get; init; } = 200;

    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Body { get; init; }

    public string? BodyFile { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>
    /// A sample whose dates follow the calendar: <c>{{today+N:format}}</c> in the body becomes the Austin date N days
    /// from today in that .NET format (for example <c>{{today+3:yyyy-MM-dd}}</c>), so offline runs always have
    /// events in the coming days.
    /// </summary>
    public bool Relative { get; init; }

    private static readonly System.Text.Json.JsonSerializerOptions WriteJson = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes this exchange as one file in <paramref name="directory"/> (created if needed).</summary>
    public async Task SaveAsync(string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, FileNameFor(Method, Url, RequestBodySha256)), System.Text.Json.JsonSerializer.Serialize(this, WriteJson), ct);
    }

    /// <summary>The response body: inline or from <see cref="BodyFile"/> beside the recording, relative dates expanded (Austin today).</summary>
    public string BodyText(string directory)
    {
        var text = Body ?? (BodyFile is { } f ? File.ReadAllText(Path.Combine(directory, f)) : string.Empty);
        return Relative ? ExpandDates(text, Time.AustinTime.Today(DateTimeOffset.UtcNow)) : text;
    }

    public static string ExpandDates(string text, DateOnly today) =>
        RelativeDate().Replace(text, m => today.AddDays(m.Groups[1].Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0)
            .ToString(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\{\{today([+-]\d+)?:([^}]+)\}\}")]
    private static partial Regex RelativeDate();

    /// <summary>Query parameters that carry credentials: never written, never part of a key.</summary>
    public static readonly IReadOnlySet<string> SecretParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "apikey", "api_key", "key", "client_secret", "access_token", "token", "code", "sig", "signature", "password",
    };

    public static string ScrubUrl(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.Query))
        {
            return uri.GetLeftPart(UriPartial.Path);
        }

        var parts = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var name = p.Split('=', 2)[0];
                return SecretParameters.Contains(Uri.UnescapeDataString(name)) ? name + "=REDACTED" : p;
            });
        return uri.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', parts);
    }

    public static string Key(string method, string scrubbedUrl, string? bodySha256) =>
        $"{method.ToUpperInvariant()} {scrubbedUrl}{(bodySha256 is null ? string.Empty : " #" + bodySha256)}";

    public string Key() => Key(Method, Url, RequestBodySha256);

    public static string? Sha256(byte[]? body) =>
        body is null || body.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(body));

    public static string FileNameFor(string method, string scrubbedUrl, string? bodySha)
    {
        var uri = new Uri(scrubbedUrl);
        var stem = Unsafe().Replace($"{uri.Host}{uri.AbsolutePath}", "-").Trim('-');
        if (stem.Length > 80)
        {
            stem = stem[..80];
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key(method, scrubbedUrl, bodySha))))[..10];
        return $"{method.ToLowerInvariant()}-{stem}-{hash}.json";
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
