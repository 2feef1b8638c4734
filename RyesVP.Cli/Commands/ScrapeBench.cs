using System.Diagnostics;
using Microsoft.Extensions.Options;
using RyesVP.Domain;
using RyesVP.Domain.Http;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Scraping.Venues.Rendered;

namespace RyesVP.Cli.Commands;

/// <summary>
/// ryesvp bench scrape [--concurrency 1,2]: the seventeen sample venues fetched and parsed — the seven plain-HTTP
/// ones replayed from samples/venues, the ten JavaScript-rendered ones loaded in the real headless Chromium from a
/// loopback server serving their sample pages (with each site's scroll/click plan) — four venues at a time, for each
/// browser concurrency. Prints wall time and this process's peak working set. Writes nothing.
/// </summary>
internal static class ScrapeBench
{
    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var levels = (args.Value("concurrency") ?? "1,2").Split(',').Select(int.Parse).ToList();
        var samples = Path.Combine(args.Value("samples") ?? "samples", "venues");
        var recordings = RecordReplayHandler.Load(samples);
        var rendered = recordings.Values.Where(r => r.Recording.Method == RenderingClient.Method)
            .ToDictionary(r => new Uri(r.Recording.Url).AbsolutePath + "|" + new Uri(r.Recording.Url).Host,
                r => r.Recording.BodyText(r.Directory).Split(RenderingClient.Separator)[0]);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var site = builder.Build();
        site.Run(async http =>
        {
            var key = Uri.UnescapeDataString(http.Request.Path.Value!.TrimStart('/'));
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(rendered.TryGetValue(key, out var html) ? html : "<html><body>missing</body></html>");
        });
        await site.StartAsync(ct);
        var siteUrl = site.Urls.Single();
        Console.WriteLine($"scrape: 17 sample venues (10 rendered in Chromium from loopback, 7 plain HTTP replayed), 4 venues at a time; {Environment.ProcessorCount} cores");

        foreach (var concurrency in levels)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = "Host=127.0.0.1;Database=unused",
                ["RYESVP_HTTP_REPLAY"] = Path.GetFullPath(samples),
                ["Browser:MaxConcurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build();
            await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRyesVPDomain(configuration).BuildServiceProvider();
            await using var browser = new PageRenderer(services.GetRequiredService<IOptions<BrowserOptions>>(), services.GetRequiredService<ILogger<PageRenderer>>());
            var renderer = new RenderingClient(new Loopback(browser, siteUrl), new HttpRecordingOptions(), services.GetRequiredService<ILogger<RenderingClient>>());
            var scrapers = services.GetServices<IVenueScraper>()
                .Select(s => s is RenderedScraper ? (IVenueScraper)ActivatorUtilities.CreateInstance(services, s.GetType(), renderer) : s)
                .ToList();
            await browser.RenderAsync(new RenderPlan(siteUrl + "/warm-up"), ct); // launch outside the timing
            var clock = Stopwatch.StartNew();
            using var gate = new SemaphoreSlim(4);
            var results = await Task.WhenAll(scrapers.Select(async s =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    var started = clock.Elapsed;
                    var r = await s.ScrapeAsync(DateTimeOffset.UtcNow, ct);
                    return (s.Slug, r.Events.Count, Took: clock.Elapsed - started);
                }
                finally
                {
                    gate.Release();
                }
            }));
            clock.Stop();
            using var me = Process.GetCurrentProcess();
            Console.WriteLine($"browser concurrency {concurrency}: {clock.Elapsed.TotalSeconds:F1} s for {results.Length} venues, {results.Sum(r => r.Count)} events, "
                + $"slowest {results.MaxBy(r => r.Took).Slug} {results.Max(r => r.Took).TotalSeconds:F1} s; host peak working set {me.PeakWorkingSet64 / (1024 * 1024)} MiB");
        }

        return 0;
    }

    /// <summary>The real browser, pointed at the loopback copy of each venue's page.</summary>
    private sealed class Loopback(IPageRenderer inner, string siteUrl) : IPageRenderer
    {
        public Task<IReadOnlyList<string>> RenderAsync(RenderPlan plan, CancellationToken ct)
        {
            var uri = new Uri(plan.Url);
            return inner.RenderAsync(plan with { Url = $"{siteUrl}/{Uri.EscapeDataString(uri.AbsolutePath + "|" + uri.Host)}" }, ct);
        }
    }
}
