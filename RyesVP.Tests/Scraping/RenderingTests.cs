using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Scraping;

/// <summary>
/// The real headless Chromium against fixture sites on loopback that reproduce each behaviour with real JavaScript:
/// a list that grows on scroll, a load-more button that disappears, a calendar with a "next month" control.
/// </summary>
[Collection(nameof(RenderingTests))]
public sealed class RenderingTests : IAsyncLifetime
{
    private const string Scroll = """
        <html><body><div id="list"></div><script>
        let n = 0; const list = document.getElementById('list');
        function more(k) { for (let i = 0; i < k && n < 23; i++) { const d = document.createElement('div'); d.className = 'item'; d.style.height = '300px'; d.textContent = 'Show ' + (++n); list.appendChild(d); } }
        more(5);
        window.addEventListener('scroll', () => { if (window.innerHeight + window.scrollY >= document.body.scrollHeight - 5) setTimeout(() => more(5), 100); });
        </script></body></html>
        """;

    private const string LoadMore = """
        <html><body><ul id="list"></ul><div id="more-box"><button id="more">Show more</button></div><script>
        let n = 0, clicks = 0; const list = document.getElementById('list');
        function add(k) { for (let i = 0; i < k; i++) { const li = document.createElement('li'); li.className = 'item'; li.textContent = 'Show ' + (++n); list.appendChild(li); } }
        add(4);
        document.getElementById('more').addEventListener('click', () => setTimeout(() => { add(4); if (++clicks === 3) document.getElementById('more-box').style.display = 'none'; }, 150));
        </script></body></html>
        """;

    private const string Calendar = """
        <html><body><div class="tl-calendar"><div class="month_name" id="m">January</div><div id="days"></div></div><a class="cal-next" href="#">Next</a><script>
        const months = ['January', 'February', 'March', 'April']; let i = 0;
        function show() { document.getElementById('m').textContent = months[i]; document.getElementById('days').innerHTML = '<div class="tl-date hasEvent">' + months[i] + ' show</div>'; }
        show();
        document.querySelector('.cal-next').addEventListener('click', e => { e.preventDefault(); setTimeout(() => { i = Math.min(i + 1, months.length - 1); show(); }, 100); });
        </script></body></html>
        """;

    private readonly WebApplicationLite site = new(async http =>
    {
        var path = http.Request.Path.Value;
        if (path == "/slow")
        {
            await Task.Delay(TimeSpan.FromSeconds(20), http.RequestAborted);
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(path switch
        {
            "/scroll" => Scroll,
            "/load-more" => LoadMore,
            "/calendar" => Calendar,
            _ => "<html><body>ok</body></html>",
        });
    });

    private PageRenderer renderer = null!;

    public async Task InitializeAsync()
    {
        Chromium.Require();
        await site.StartAsync();
        renderer = New(new BrowserOptions { MaxConcurrency = 2, PageTimeoutSeconds = 30, NavigationTimeoutSeconds = 10 });
    }

    public async Task DisposeAsync()
    {
        await renderer.DisposeAsync();
        await site.DisposeAsync();
    }

    private static PageRenderer New(BrowserOptions o) =>
        new(Options.Create(o), NullLogger<PageRenderer>.Instance);

    private static int Count(string html, string needle) => html.Split(needle).Length - 1;

    [Fact]
    public async Task Scroll_LoadsUntilTheListStopsGrowing()
    {
        var pages = await renderer.RenderAsync(new RenderPlan(site.BaseUrl + "/scroll", Behaviour: RenderBehaviour.Scroll, CountSelector: ".item", MaxRounds: 20, RoundWaitMs: 400, SettleMs: 200), CancellationToken.None);
        Assert.Equal(23, Count(Assert.Single(pages), "class=\"item\""));
    }

    [Fact]
    public async Task Scroll_StopsAtTheConfiguredMaximum()
    {
        var pages = await renderer.RenderAsync(new RenderPlan(site.BaseUrl + "/scroll", Behaviour: RenderBehaviour.Scroll, CountSelector: ".item", MaxRounds: 2, RoundWaitMs: 400, SettleMs: 200), CancellationToken.None);
        Assert.Equal(15, Count(pages[0], "class=\"item\"")); // 5 at load, 5 per round
    }

    [Fact]
    public async Task LoadMore_ClicksUntilTheButtonDisappears()
    {
        var pages = await renderer.RenderAsync(new RenderPlan(site.BaseUrl + "/load-more", Behaviour: RenderBehaviour.ClickMore, CountSelector: ".item", ClickSelector: "#more", MaxRounds: 20, RoundWaitMs: 400, SettleMs: 200), CancellationToken.None);
        Assert.Equal(16, Count(pages[0], "class=\"item\""));
        Assert.Contains("display: none", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_ReadsMonthByMonth()
    {
        var pages = await renderer.RenderAsync(new RenderPlan(site.BaseUrl + "/calendar", Behaviour: RenderBehaviour.Pages, ClickSelector: ".cal-next", MaxRounds: 3, RoundWaitMs: 400, SettleMs: 200), CancellationToken.None);
        Assert.Equal(["January", "February", "March"], pages.Select(p => System.Text.RegularExpressions.Regex.Match(p, "id=\"m\">([A-Za-z]+)<").Groups[1].Value));
    }

    [Fact]
    public async Task BrowserThatDied_IsRelaunched_AndPagesRunTwoAtATime()
    {
        await renderer.RenderAsync(new RenderPlan(site.BaseUrl + "/"), CancellationToken.None);
        renderer.KillBrowserForTest();
        await Task.Delay(500);

        var clock = Stopwatch.StartNew();
        var four = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => renderer.RenderAsync(new RenderPlan(site.BaseUrl + "/", SettleMs: 1500), CancellationToken.None)));

        Assert.All(four, p => Assert.Contains("ok", p[0], StringComparison.Ordinal));
        Assert.Equal(2, renderer.Launches);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3), $"4 pages of 1.5 s with 2 slots took {clock.Elapsed}"); // two rounds, not one
    }

    [Fact]
    public async Task SlowPage_FailsWithinTheLimit_AndTheBrowserGoesOn()
    {
        await using var quick = New(new BrowserOptions { PageTimeoutSeconds = 5, NavigationTimeoutSeconds = 2 });
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<RenderException>(() => quick.RenderAsync(new RenderPlan(site.BaseUrl + "/slow"), CancellationToken.None));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Contains("ok", (await quick.RenderAsync(new RenderPlan(site.BaseUrl + "/"), CancellationToken.None))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingBrowser_IsAClearTransientError()
    {
        await using var none = New(new BrowserOptions { ExecutablePath = "/nonexistent/chromium" });
        var ex = await Assert.ThrowsAsync<RenderException>(() => none.RenderAsync(new RenderPlan(site.BaseUrl + "/"), CancellationToken.None));
        Assert.Contains("BROWSER_WS_ENDPOINT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScraperThroughTheBrowser_RecordsTheRenderedPage_AndReplaysItWithoutOne()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ryesvp-render-" + Guid.NewGuid().ToString("N"));
        try
        {
            var plan = new RenderPlan(site.BaseUrl + "/load-more", Behaviour: RenderBehaviour.ClickMore, CountSelector: ".item", ClickSelector: "#more", RoundWaitMs: 400, SettleMs: 200);
            var recorded = await new RenderingClient(renderer, new RyesVP.Domain.Http.HttpRecordingOptions { RecordDirectory = dir }, NullLogger<RenderingClient>.Instance).RenderAsync(plan, CancellationToken.None);
            await using var noBrowser = New(new BrowserOptions { ExecutablePath = "/nonexistent/chromium" });
            var replayed = await new RenderingClient(noBrowser, new RyesVP.Domain.Http.HttpRecordingOptions { ReplayDirectory = dir }, NullLogger<RenderingClient>.Instance).RenderAsync(plan, CancellationToken.None);
            Assert.Equal(recorded, replayed);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>The rendering tests need Debian's chromium; ./test.sh installs it. Without it they fail loudly (never skip silently).</summary>
internal static class Chromium
{
    public static void Require()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            throw new InvalidOperationException("/usr/bin/chromium is missing: run ./test.sh (it installs Debian's chromium with apt)");
        }
    }
}
