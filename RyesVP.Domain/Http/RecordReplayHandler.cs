using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RyesVP.Domain.Http;

/// <summary>
/// RYESVP_HTTP_REPLAY=dir answers every outbound call from recordings and throws on a miss;
/// RYESVP_HTTP_RECORD=dir passes calls through and writes each exchange, secrets scrubbed.
/// </summary>
public sealed class RecordReplayHandler(HttpRecordingOptions options, ILogger<RecordReplayHandler> logger) : DelegatingHandler
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, (HttpRecording Recording, string Directory)>> Loaded = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly HashSet<string> KeptHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Retry-After", "Location", "Rate-Limit", "Rate-Limit-Available", "Rate-Limit-Over", "Rate-Limit-Reset",
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.ReplayDirectory is null && options.RecordDirectory is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var url = HttpRecording.ScrubUrl(request.RequestUri!);
        var sha = HttpRecording.Sha256(body);
        var key = HttpRecording.Key(request.Method.Method, url, sha);

        if (options.ReplayDirectory is { } replay)
        {
            var recordings = Cached(replay);
            if (!recordings.TryGetValue(key, out var hit) && request.RequestUri!.IsLoopback)
            {
                // Nothing recorded for a loopback address (the offline sample APIs, a local fake): call it.
                return await base.SendAsync(request, cancellationToken);
            }

            if (hit.Recording is null)
            {
                throw new HttpReplayMissException($"No recording for {request.Method} {url} in the replay directory (RYESVP_HTTP_REPLAY)");
            }

            return ToResponse(hit.Recording, hit.Directory, request);
        }

        var response = await base.SendAsync(request, cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        var recording = new HttpRecording
        {
            Method = request.Method.Method,
            Url = url,
            RequestBodySha256 = sha,
            Status = (int)response.StatusCode,
            Headers = response.Headers.Concat(response.Content.Headers)
                .Where(h => KeptHeaders.Contains(h.Key))
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
            Body = responseBody,
        };
        await recording.SaveAsync(options.RecordDirectory!, cancellationToken);
        logger.LogInformation("Recorded {Method} {Url} -> {Status}", recording.Method, url, recording.Status);

        // The content was consumed; hand back an equivalent response.
        var copy = ToResponse(recording, options.RecordDirectory!, request);
        response.Dispose();
        return copy;
    }

    private static HttpResponseMessage ToResponse(HttpRecording recording, string directory, HttpRequestMessage request)
    {
        var text = recording.BodyText(directory);

        var response = new HttpResponseMessage((HttpStatusCode)recording.Status) { RequestMessage = request };
        recording.Headers.TryGetValue("Content-Type", out var contentType);
        response.Content = new StringContent(text, Encoding.UTF8);
        if (contentType is not null)
        {
            response.Content.Headers.Remove("Content-Type");
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach (var (name, value) in recording.Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    /// <summary>The recordings of a directory, loaded once per process.</summary>
    public static IReadOnlyDictionary<string, (HttpRecording Recording, string Directory)> Cached(string directory) => Loaded.GetOrAdd(directory, Load);

    /// <summary>Every *.json recording under the directory (recursively), keyed on method + scrubbed URL + body hash.</summary>
    public static IReadOnlyDictionary<string, (HttpRecording Recording, string Directory)> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Replay directory '{directory}' does not exist (RYESVP_HTTP_REPLAY)");
        }

        var map = new Dictionary<string, (HttpRecording, string)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            HttpRecording? recording;
            try
            {
                recording = JsonSerializer.Deserialize<HttpRecording>(File.ReadAllText(file), Json);
            }
            catch (JsonException)
            {
                continue; // not a recording (for example a JSON response body kept as a BodyFile)
            }

            if (recording?.Method is null || recording.Url is null)
            {
                continue;
            }

            var normalised = HttpRecording.ScrubUrl(new Uri(recording.Url));
            map[HttpRecording.Key(recording.Method, normalised, recording.RequestBodySha256)] = (recording, Path.GetDirectoryName(file)!);
        }

        return map;
    }
}
