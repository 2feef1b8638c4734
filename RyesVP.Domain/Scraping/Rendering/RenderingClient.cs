using Microsoft.Extensions.Logging;
using RyesVP.Domain.Http;

namespace RyesVP.Domain.Scraping.Rendering;

/// <summary>
/// What the JS-rendered scrapers call: the browser, with the same record/replay as plain HTTP. A rendered page is
/// recorded as method "RENDER" and the page URL; its body is the rendered HTML (several snapshots, for a calendar
/// read month by month, separated by <see cref="Separator"/>). Replay needs no browser at all.
/// </summary>
public sealed class RenderingClient(IPageRenderer renderer, HttpRecordingOptions recording, ILogger<RenderingClient> logger)
{
    public const string Method = "RENDER";
    public const string Separator = "\n<!-- ryesvp:next-snapshot -->\n";

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<string>> RenderAsync(RenderPlan plan, CancellationToken ct)
    {
        var url = HttpRecording.ScrubUrl(new Uri(plan.Url));
        var key = HttpRecording.Key(Method, url, null);
        if (recording.ReplayDirectory is { } replay)
        {
            var recordings = RecordReplayHandler.Cached(replay);
            if (!recordings.TryGetValue(key, out var hit))
            {
                throw new HttpReplayMissException($"No recording for {Method} {url} in the replay directory (RYESVP_HTTP_REPLAY)");
            }

            var text = hit.Recording.Body ?? File.ReadAllText(Path.Combine(hit.Directory, hit.Recording.BodyFile!));
            if (hit.Recording.Relative)
            {
                text = HttpRecording.ExpandDates(text, Time.AustinTime.Today(DateTimeOffset.UtcNow));
            }

            return text.Split(Separator);
        }

        var snapshots = await renderer.RenderAsync(plan, ct);
        if (recording.RecordDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, HttpRecording.FileNameFor(Method, url, null));
            await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(new HttpRecording
            {
                Method = Method,
                Url = url,
                Status = 200,
                Headers = new(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "text/html; charset=utf-8" },
                Body = string.Join(Separator, snapshots),
            }, Json), ct);
            logger.LogInformation("Recorded {Method} {Url}", Method, url);
        }

        return snapshots;
    }
}
