using System.Collections.Concurrent;
using RyesVP.Domain.Http;

namespace RyesVP.Tests.Infrastructure;

/// <summary>
/// The venue sites, faked at the HTTP boundary: a real HTTP server on loopback answering every recorded sample
/// page, with per-site overrides (status, body, delay). The pipeline's requests are re-addressed to it by a
/// handler, so scrapers keep their real URLs. Counts requests per site.
/// </summary>
public sealed class FakeVenueSites : IAsyncDisposable
{
    private readonly WebApplicationLite server;
    private readonly Dictionary<string, HttpRecording> pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> hits = new(StringComparer.Ordinal);

    public FakeVenueSites()
    {
        foreach (var (key, (recording, dir)) in RecordReplayHandler.Load(Path.Combine(Samples.Directory, "venues")))
        {
            pages[Key(new Uri(recording.Url))] = recording with { Body = recording.BodyText(dir), BodyFile = null, Relative = false };
        }

        server = new WebApplicationLite(Handle);
    }

    public ConcurrentDictionary<string, (int Status, string Body)> Overrides { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, TimeSpan> Delays { get; } = new(StringComparer.Ordinal);

    public int Hits(string host) => hits.Where(h => h.Key.StartsWith(host, StringComparison.Ordinal)).Sum(h => h.Value);

    public Task StartAsync() => server.StartAsync();

    /// <summary>
    /// Re-addresses every outbound request of the host under test to this server, and answers the JavaScript-rendered
    /// venues' pages (RENDER recordings) in place of the browser, with the same overrides and delays. The real browser
    /// is exercised by the rendering tests against loopback fixture sites.
    /// </summary>
    public void Attach(IServiceCollection services)
    {
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new Readdress(server.BaseUrl, pages.Values.Select(p => new Uri(p.Url).Host).ToHashSet())));
        services.AddSingleton<RyesVP.Domain.Scraping.Rendering.IPageRenderer>(new Renderer(this));
    }

    private sealed class Renderer(FakeVenueSites sites) : RyesVP.Domain.Scraping.Rendering.IPageRenderer
    {
        public async Task<IReadOnlyList<string>> RenderAsync(RyesVP.Domain.Scraping.Rendering.RenderPlan plan, CancellationToken ct)
        {
            var uri = new Uri(plan.Url);
            sites.hits.AddOrUpdate(Key(uri), 1, (_, n) => n + 1);
            if (sites.Delays.TryGetValue(uri.Host, out var delay))
            {
                await Task.Delay(delay, ct);
            }

            if (sites.Overrides.TryGetValue(uri.Host, out var o))
            {
                return o.Status < 400 ? [o.Body]
                    : throw new RyesVP.Domain.Scraping.ScrapeException($"GET {plan.Url} (browser) answered {o.Status}", (System.Net.HttpStatusCode)o.Status);
            }

            return sites.pages.TryGetValue(Key(uri), out var page)
                ? page.Body!.Split(RyesVP.Domain.Scraping.Rendering.RenderingClient.Separator)
                : throw new RyesVP.Domain.Scraping.ScrapeException($"GET {plan.Url} (browser) answered 404", System.Net.HttpStatusCode.NotFound);
        }
    }

    private async Task Handle(Microsoft.AspNetCore.Http.HttpContext http)
    {
        var host = http.Request.Headers["X-Original-Host"].ToString();
        var key = host + http.Request.Path + http.Request.QueryString;
        hits.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (Delays.TryGetValue(host, out var delay))
        {
            await Task.Delay(delay, http.RequestAborted);
        }

        if (Overrides.TryGetValue(host, out var o))
        {
            http.Response.StatusCode = o.Status;
            await http.Response.WriteAsync(o.Body);
            return;
        }

        if (!pages.TryGetValue(key, out var page))
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.StatusCode = page.Status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(page.Body!);
    }

    private static string Key(Uri uri) => uri.Host + (uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath) + uri.Query;

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private sealed class Readdress(string baseUrl, HashSet<string> sites) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var original = request.RequestUri!;
            if (!sites.Contains(original.Host))
            {
                return base.SendAsync(request, cancellationToken); // not a venue site (a webhook, an API fake)
            }

            request.Headers.TryAddWithoutValidation("X-Original-Host", original.Host);
            request.RequestUri = new Uri(new Uri(baseUrl), original.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
