using System.ComponentModel.DataAnnotations;

namespace RyesVP.Domain.Scraping.Rendering;

/// <summary>Headless Chromium for the JavaScript-rendered venues (environment: Browser__MaxConcurrency=2 …).</summary>
public sealed class BrowserOptions
{
    public const string SectionName = "Browser";
    public const string EndpointSetting = "BROWSER_WS_ENDPOINT";
    public const string ExecutableSetting = "CHROMIUM_PATH";

    /// <summary>A local Chromium (Debian's chromium locally). Never downloaded at run time.</summary>
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>A remote browser (ws://…); wins over the executable. This is how it runs in Azure.</summary>
    public string? WsEndpoint { get; set; }

    /// <summary>Pages rendered at once in this process.</summary>
    [Range(1, 16)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Hard limit for one venue's whole render (navigation, scrolling, clicking).</summary>
    [Range(5, 600)]
    public int PageTimeoutSeconds { get; set; } = 120;

    [Range(1, 300)]
    public int NavigationTimeoutSeconds { get; set; } = 45;
}
