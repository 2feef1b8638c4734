namespace RyesVP.Orchestration;

/// <summary>
/// Every setting the app reads, by its environment name. The infrastructure test checks the Bicep against this
/// list (and this list against the code), and the start-up report names the missing ones (never their values).
/// </summary>
public static class AppSettings
{
    public sealed record Setting(string Name, bool RequiredInAzure, bool Secret, string UsedBy);

    public static readonly IReadOnlyList<Setting> All =
    [
        new("DATABASE_URL", true, true, "every step"),
        new("DIRECT_URL", true, true, "migrations"),
        new("CRON_SECRET", true, true, "the HTTP API"),
        new("OPENAI_API_KEY", true, true, "enrich, tm-match"),
        new("GOOGLE_API_KEY", true, true, "enrich (Knowledge Graph), weather-precache"),
        new("SPOTIFY_CLIENT_ID", true, true, "enrich"),
        new("SPOTIFY_CLIENT_SECRET", true, true, "enrich"),
        new("TICKETMASTER_API_KEY", true, true, "tm-download"),
        new("TaskHubName", true, false, "the Durable Task hub (host.json %TaskHubName%)"),
        new("DailyRefreshSchedule", true, false, "the daily timer (%DailyRefreshSchedule%)"),
        new("RetentionSchedule", true, false, "the run-history purge timer (%RetentionSchedule%)"),
        new("Retention__InstanceDays", false, false, "run-history purge"),
        new("Retention__JobRunDays", false, false, "run-history purge"),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", false, false, "OpenTelemetry export to Azure Monitor"),
        new("AzureWebJobsStorage__clientId", false, false, "the managed identity the exporter authenticates as"),
        new("Pipeline__ScrapeParallelism", false, false, "scrape"),
        new("Pipeline__ActivityRetryAttempts", false, false, "every step"),
        new("Pipeline__ActivityRetryFirstIntervalSeconds", false, false, "every step"),
        new("Pipeline__HttpRetryAttempts", false, false, "outbound HTTP"),
        new("Pipeline__HttpRetryDelayMs", false, false, "outbound HTTP"),
        new("Pipeline__HttpTimeoutSeconds", false, false, "outbound HTTP"),
        new("Pipeline__BatchParallelism", false, false, "tm-match, enrich"),
        new("Pipeline__DisabledSteps", false, false, "the daily run (steps to leave out)"),
        new("Ticketmaster__BaseUrl", false, false, "tm-download"),
        new("Ticketmaster__RequestsPerSecond", false, false, "tm-download"),
        new("Ticketmaster__PageSize", false, false, "tm-download"),
        new("Ticketmaster__DefaultMonths", false, false, "tm-download"),
        new("Ticketmaster__MaxRateLimitWaitSeconds", false, false, "tm-download"),
        new("Ticketmaster__AutoAcceptSimilarity", false, false, "tm-match"),
        new("Ticketmaster__LlmFloor", false, false, "tm-match"),
        new("Ticketmaster__MatchBatchSize", false, false, "tm-match"),
        new("Enrich__BatchSize", false, false, "enrich"),
        new("Enrich__StuckProcessingMinutes", false, false, "enrich"),
        new("Enrich__MaxRetries", false, false, "enrich"),
        new("Enrich__KnowledgeGraphMinScore", false, false, "enrich"),
        new("Enrich__KnowledgeGraphBaseUrl", false, false, "enrich"),
        new("Enrich__KnowledgeGraphRequestsPerSecond", false, false, "enrich"),
        new("Enrich__SpotifyAccountsBaseUrl", false, false, "enrich"),
        new("Enrich__SpotifyApiBaseUrl", false, false, "enrich"),
        new("Enrich__SpotifyRequestsPerSecond", false, false, "enrich"),
        new("OpenAI__BaseUrl", false, false, "enrich, tm-match"),
        new("OpenAI__Model", false, false, "enrich"),
        new("OpenAI__MatchModel", false, false, "tm-match"),
        new("OpenAI__RequestsPerMinute", false, false, "enrich, tm-match"),
        new("OpenAI__TokensPerMinute", false, false, "enrich, tm-match"),
        new("OpenAI__MaxRetries", false, false, "enrich, tm-match"),
        new("OpenAI__TimeoutSeconds", false, false, "enrich, tm-match"),
        new("BROWSER_WS_ENDPOINT", false, true, "scrape: a remote headless browser for the JavaScript-rendered venues (Azure)"),
        new("CHROMIUM_PATH", false, false, "scrape: a local Chromium executable (default /usr/bin/chromium)"),
        new("Browser__ExecutablePath", false, false, "scrape: same as CHROMIUM_PATH"),
        new("Browser__WsEndpoint", false, false, "scrape: same as BROWSER_WS_ENDPOINT (prefer that name: it is a Key Vault secret in Azure)"),
        new("Browser__MaxConcurrency", false, false, "scrape: pages rendered at once"),
        new("Browser__PageTimeoutSeconds", false, false, "scrape: hard limit for one venue's render"),
        new("Browser__NavigationTimeoutSeconds", false, false, "scrape: page load limit"),
        new("Weather__BaseUrl", false, false, "weather-precache"),
        new("Weather__CacheTtlMinutes", false, false, "weather-precache"),
        new("Weather__ForecastDays", false, false, "weather-precache"),
        new("ALERT_WEBHOOK_URL", false, true, "alerts when a run ends failed or partial (Slack-compatible)"),
        new("WEBSITE_HOSTNAME", false, false, "status links in alerts (set by App Service)"),
        new("RYESVP_HTTP_REPLAY", false, false, "offline runs (local)"),
        new("RYESVP_HTTP_RECORD", false, false, "recording outbound HTTP (local)"),
        new("RYESVP_SAMPLE_APIS", false, false, "offline runs: third-party APIs answered from samples/apis on loopback (local)"),
    ];

    /// <summary>The settings a deployment must provide but this process does not have.</summary>
    public static IReadOnlyList<Setting> Missing(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        All.Where(s => s.RequiredInAzure && string.IsNullOrWhiteSpace(configuration[s.Name])).ToList();
}
