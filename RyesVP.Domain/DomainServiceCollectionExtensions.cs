using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Npgsql;
using RyesVP.Domain.Alerts;
using RyesVP.Domain.Database;
using RyesVP.Domain.Enrichment;
using RyesVP.Domain.Events;
using RyesVP.Domain.Http;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Llm;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Scraping.Venues;
using RyesVP.Domain.Scraping.Venues.Rendered;
using RyesVP.Domain.Ticketmaster;
using RyesVP.Domain.Venues;
using RyesVP.Domain.Weather;

namespace RyesVP.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>Everything that is not hosting: stores, clients, scrapers and step services.</summary>
    public static IServiceCollection AddRyesVPDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        // Environment names are the web app's (DATABASE_URL, DIRECT_URL) so one .env serves both.
        services.AddOptions<DatabaseOptions>()
            .Configure(o =>
            {
                o.DatabaseUrl = configuration["DATABASE_URL"];
                o.DirectUrl = configuration["DIRECT_URL"];
            });
        services.AddSingleton(sp =>
        {
            var url = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.DatabaseUrl;
            if (string.IsNullOrWhiteSpace(url))
            {
                throw new InvalidOperationException("DATABASE_URL not set");
            }

            return new NpgsqlDataSourceBuilder(ConnectionStrings.ToNpgsql(url)).Build();
        });

        services.AddOptions<PipelineOptions>()
            .BindConfiguration(PipelineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(new HttpRecordingOptions
        {
            ReplayDirectory = Blank(configuration["RYESVP_HTTP_REPLAY"]),
            RecordDirectory = Blank(configuration["RYESVP_HTTP_RECORD"]),
        });
        services.AddTransient<RecordReplayHandler>();
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<RecordReplayHandler>());

        services.AddHttpClient<VenuePageClient>()
            .AddStandardResilienceHandler()
            // One breaker and limiter per site: a broken venue must not trip the circuit for the others.
            .SelectPipelineByAuthority()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) => Resilience(o, sp.GetRequiredService<IOptions<PipelineOptions>>().Value));

        services.AddOptions<WeatherOptions>()
            .BindConfiguration(WeatherOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<GoogleWeatherClient>((sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeatherOptions>>().Value.BaseUrl);
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) => Resilience(o, sp.GetRequiredService<IOptions<PipelineOptions>>().Value));
        services.AddSingleton<WeatherCacheStore>();
        services.AddHttpClient<AlertWebhookClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddTransient<WeatherStep>();

        services.AddOptions<LlmOptions>()
            .BindConfiguration(LlmOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(nameof(LlmClient)); // the SDK retries itself (ClientRetryPolicy); record/replay applies
        services.AddSingleton<LlmClient>();

        services.AddOptions<TicketmasterOptions>()
            .BindConfiguration(TicketmasterOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TicketmasterGate>();
        services.AddHttpClient<TicketmasterClient>((sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<TicketmasterOptions>>().Value.BaseUrl);
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) =>
            {
                Resilience(o, sp.GetRequiredService<IOptions<PipelineOptions>>().Value);
                // 429s go back to the client, which pauses the process-wide gate until the reset for every caller.
                o.Retry.ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);
            });
        services.AddSingleton<TmCacheStore>();
        services.AddSingleton<TmMatchStore>();
        services.AddTransient<TmMatchLlm>();
        services.AddTransient<TmDownloadStep>();
        services.AddTransient<TmMatchStep>();

        services.AddOptions<EnrichOptions>()
            .BindConfiguration(EnrichOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<KnowledgeGraphGate>();
        services.AddSingleton<SpotifyGate>();
        services.AddHttpClient<KnowledgeGraphClient>((sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<EnrichOptions>>().Value.KnowledgeGraphBaseUrl);
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) => Resilience(o, sp.GetRequiredService<IOptions<PipelineOptions>>().Value));
        services.AddHttpClient<SpotifyClient>()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) => Resilience(o, sp.GetRequiredService<IOptions<PipelineOptions>>().Value));
        services.AddSingleton<EnrichStore>();
        services.AddTransient<EnrichmentLlm>();
        services.AddTransient<EnrichStep>();

        services.AddOptions<BrowserOptions>()
            .BindConfiguration(BrowserOptions.SectionName)
            .Configure(o =>
            {
                o.WsEndpoint = Blank(configuration[BrowserOptions.EndpointSetting]) ?? o.WsEndpoint;
                o.ExecutablePath = Blank(configuration[BrowserOptions.ExecutableSetting]) ?? o.ExecutablePath;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<IPageRenderer>(sp => sp.GetRequiredService<PageRenderer>());
        services.AddSingleton<RenderingClient>();
        services.AddTransient<IVenueScraper, ParamountScraper>();
        services.AddTransient<IVenueScraper, AclLiveScraper>();
        services.AddTransient<IVenueScraper, TexasPerformingArtsScraper>();
        services.AddTransient<IVenueScraper, EmosScraper>();
        services.AddTransient<IVenueScraper, MohawkScraper>();
        services.AddTransient<IVenueScraper, ConcourseProjectScraper>();
        services.AddTransient<IVenueScraper, ScootInnScraper>();
        services.AddTransient<IVenueScraper, RadioEastScraper>();
        services.AddTransient<IVenueScraper, EmpireScraper>();
        services.AddTransient<IVenueScraper, HebCenterScraper>();

        services.AddTransient<IVenueScraper, MoodyCenterScraper>();
        services.AddTransient<IVenueScraper, StubbsScraper>();
        services.AddTransient<IVenueScraper, LongCenterScraper>();
        services.AddTransient<IVenueScraper, AntonesScraper>();
        services.AddTransient<IVenueScraper, MoodyAmphitheaterScraper>();
        services.AddTransient<IVenueScraper, CotaScraper>();
        services.AddTransient<IVenueScraper, Q2StadiumScraper>();

        services.AddSingleton<EventStore>();
        services.AddSingleton<VenueStore>();
        services.AddSingleton<JobRunStore>();
        services.AddSingleton<JobLease>();
        services.AddSingleton<Migrator>();
        services.AddTransient<ScrapeStep>();
        return services;
    }

    /// <summary>Retries with backoff (honouring Retry-After on 429/503), per-attempt and total timeouts, from PipelineOptions.</summary>
    private static void Resilience(HttpStandardResilienceOptions o, PipelineOptions p)
    {
        o.Retry.MaxRetryAttempts = Math.Max(1, p.HttpRetryAttempts);
        o.Retry.Delay = TimeSpan.FromMilliseconds(p.HttpRetryDelayMs);
        o.Retry.UseJitter = true;
        o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(p.HttpTimeoutSeconds);
        o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(p.HttpTimeoutSeconds * (p.HttpRetryAttempts + 2));
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, (p.HttpTimeoutSeconds * 2) + 1));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
