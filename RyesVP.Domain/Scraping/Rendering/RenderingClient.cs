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

            return hit.Recording.BodyText(hit.Directory).Split(Separator);
        }

        var snapshots = await renderer.RenderAsync(plan, ct);
        if (recording.RecordDirectory is { } directory)
        {
            await new HttpRecording
            {
                Method = Method,
                Url = url,
                Status = 200,
                Headers = new(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "text/html; charset=utf-8" },
                Body = string.Join(Separator, snapshots),
            }.SaveAsync(directory, ct);
            logger.LogInformation("Recorded {Method} {Url}", Method, url);
        }

        return snapshots;
    }
}
