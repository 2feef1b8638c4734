using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuppeteerSharp;

namespace RyesVP.Domain.Scraping.Rendering;

/// <summary>Renders pages in headless Chromium: one browser per process, reused across venues, relaunched if it dies.</summary>
public interface IPageRenderer
{
    /// <summary>The page's HTML after its scripts ran and the plan's behaviour finished; several snapshots for <see cref="RenderBehaviour.Pages"/>.</summary>
    Task<IReadOnlyList<string>> RenderAsync(RenderPlan plan, CancellationToken ct);
}

/// <summary>
/// PuppeteerSharp over a configured Chromium (never downloaded) or a remote endpoint. Bounded concurrency, a hard
/// per-page timeout, pages always closed. Launch flags suit a closed network: no background networking, sync,
/// component updates or QUIC, and a fresh user-data directory per launch.
/// </summary>
public sealed class PageRenderer(IOptions<BrowserOptions> options, ILogger<PageRenderer> logger) : IPageRenderer, IAsyncDisposable
{
    public const string UserAgent = VenuePageClient.UserAgent;

    private static readonly string[] Flags =
    [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--mute-audio", "--no-default-browser-check",
    ];

    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.MaxConcurrency));
    private readonly SemaphoreSlim launching = new(1, 1);
    private IBrowser? browser;
    private string? userDataDir;

    public int Launches { get; private set; }

    public async Task<IReadOnlyList<string>> RenderAsync(RenderPlan plan, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            var o = options.Value;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.PageTimeoutSeconds));
            var b = await BrowserAsync(timeout.Token);
            IPage? page = null;
            try
            {
                page = await b.NewPageAsync();
                try
                {
                    // PuppeteerSharp calls take no token: the wait is bounded here, and closing the page ends the work.
                    return await RenderOnPageAsync(page, plan, o, timeout.Token).WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new RenderException($"rendering {plan.Url} took longer than {o.PageTimeoutSeconds} s");
                }
            }
            catch (PuppeteerException ex)
            {
                throw new RenderException($"rendering {plan.Url} failed: {ex.Message}", ex);
            }
            finally
            {
                if (page is not null)
                {
                    try
                    {
                        await page.CloseAsync();
                    }
                    catch (Exception ex) when (ex is PuppeteerException or ObjectDisposedException or InvalidOperationException)
                    {
                        logger.LogDebug("closing a page failed: {Message}", ex.Message);
                    }
                }
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task<IReadOnlyList<string>> RenderOnPageAsync(IPage page, RenderPlan plan, BrowserOptions o, CancellationToken ct)
    {
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        await page.SetUserAgentAsync(UserAgent);
        var response = await page.GoToAsync(plan.Url, new NavigationOptions
        {
            Timeout = o.NavigationTimeoutSeconds * 1000,
            WaitUntil = [WaitUntilNavigation.Networkidle2],
        });
        if (response is not null && !response.Ok)
        {
            throw new ScrapeException($"GET {plan.Url} (browser) answered {(int)response.Status} {response.Status}", response.Status);
        }

        if (plan.WaitFor is not null)
        {
            try
            {
                await page.WaitForSelectorAsync(plan.WaitFor, new WaitForSelectorOptions { Timeout = 15_000 });
            }
            catch (WaitTaskTimeoutException)
            {
                // Soft: the parser decides whether an empty page is a layout change.
            }
        }

        await Task.Delay(plan.SettleMs, ct);
        var snapshots = new List<string>();
        switch (plan.Behaviour)
        {
            case RenderBehaviour.Scroll:
                await GrowAsync(page, plan, scroll: true, ct);
                break;
            case RenderBehaviour.ClickMore:
                await GrowAsync(page, plan, scroll: false, ct);
                break;
            case RenderBehaviour.Pages:
                for (var i = 0; i < plan.MaxRounds; i++)
                {
                    snapshots.Add(await page.GetContentAsync());
                    if (plan.ClickSelector is null || !await ClickAsync(page, plan.ClickSelector))
                    {
                        break;
                    }

                    await Task.Delay(plan.RoundWaitMs, ct);
                }

                return snapshots;
        }

        snapshots.Add(await page.GetContentAsync());
        return snapshots;
    }

    /// <summary>Scrolls and/or clicks "more" until the item count has not grown for StableRounds rounds, at most MaxRounds.</summary>
    private static async Task GrowAsync(IPage page, RenderPlan plan, bool scroll, CancellationToken ct)
    {
        var count = await CountAsync(page, plan.CountSelector);
        var still = 0;
        for (var round = 0; round < plan.MaxRounds && still < plan.StableRounds; round++)
        {
            if (scroll)
            {
                await page.EvaluateExpressionAsync("window.scrollTo(0, document.body.scrollHeight)");
            }

            // With scrolling, the "more" control is clicked only once scrolling alone stopped adding items.
            var clicked = plan.ClickSelector is not null && (!scroll || still > 0) && await ClickAsync(page, plan.ClickSelector);
            if (!scroll && !clicked)
            {
                break; // the button is gone: everything is loaded
            }

            await Task.Delay(plan.RoundWaitMs, ct);
            var now = await CountAsync(page, plan.CountSelector);
            still = now > count ? 0 : still + 1;
            count = now;
        }
    }

    private static Task<int> CountAsync(IPage page, string? selector) =>
        selector is null ? Task.FromResult(0) : page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s).length", selector);

    /// <summary>Clicks the first visible element matching the selector (in the page, as the old scrapers did); false when there is none.</summary>
    private static Task<bool> ClickAsync(IPage page, string selector) => page.EvaluateFunctionAsync<bool>("""
        s => {
          const el = Array.from(document.querySelectorAll(s)).find(e => {
            const st = getComputedStyle(e);
            return st.display !== 'none' && st.visibility !== 'hidden' && (e.offsetWidth > 0 || e.offsetHeight > 0);
          });
          if (!el) return false;
          el.click();
          return true;
        }
        """, selector);

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true, IsClosed: false } alive)
        {
            return alive;
        }

        await launching.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true, IsClosed: false } again)
            {
                return again;
            }

            if (browser is not null)
            {
                logger.LogWarning("The browser died; starting a new one");
                await DisposeBrowserAsync();
            }

            var o = options.Value;
            if (!string.IsNullOrWhiteSpace(o.WsEndpoint))
            {
                browser = await Puppeteer.ConnectAsync(new ConnectOptions { BrowserWSEndpoint = o.WsEndpoint });
            }
            else
            {
                if (!File.Exists(o.ExecutablePath))
                {
                    throw new RenderException($"No browser: {o.ExecutablePath} does not exist (install Debian's chromium, or set {BrowserOptions.EndpointSetting} or {BrowserOptions.ExecutableSetting})");
                }

                userDataDir = Path.Combine(Path.GetTempPath(), "ryesvp-chromium-" + Guid.NewGuid().ToString("N"));
                browser = await Puppeteer.LaunchAsync(new LaunchOptions
                {
                    Headless = true,
                    ExecutablePath = o.ExecutablePath,
                    Args = Flags,
                    UserDataDir = userDataDir,
                    Timeout = 60_000,
                });
            }

            Launches++;
            return browser;
        }
        finally
        {
            launching.Release();
        }
    }

    private async Task DisposeBrowserAsync()
    {
        var b = browser;
        browser = null;
        if (b is not null)
        {
            try
            {
                await b.CloseAsync();
            }
            catch (Exception ex) when (ex is PuppeteerException or ObjectDisposedException or InvalidOperationException)
            {
                logger.LogDebug("closing the browser failed: {Message}", ex.Message);
            }

            await b.DisposeAsync();
        }

        if (userDataDir is not null && Directory.Exists(userDataDir))
        {
            try
            {
                Directory.Delete(userDataDir, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment; the temp directory is cleaned later.
            }
        }
    }

    /// <summary>For tests: kill the browser process as if it had crashed.</summary>
    internal void KillBrowserForTest() => browser?.Process?.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync() => await DisposeBrowserAsync();
}
