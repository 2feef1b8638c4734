using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask.Client;
using RyesVP.Cli.LocalHost;
using LocalHost = RyesVP.Cli.LocalHost.LocalHost;

namespace RyesVP.Tests.Infrastructure;

/// <summary>The ryesvp local host, started for one test: real Kestrel on loopback, real task hub, real Postgres.</summary>
public sealed class TestFunctionsHost : IAsyncDisposable
{
    public const string Secret = "test-cron-secret-0123456789";

    private TestFunctionsHost(LocalHost app, string baseUrl, string taskHub)
    {
        App = app;
        BaseUrl = baseUrl;
        TaskHub = taskHub;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(120) };
    }

    public LocalHost App { get; }

    public string BaseUrl { get; }

    public string TaskHub { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public DurableTaskClient Client => App.Services.GetRequiredService<DurableTaskClient>();

    public static string NewTaskHub() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<TestFunctionsHost> StartAsync(
        TestDatabase db,
        bool inMemory = true,
        string? replay = null,
        string? taskHub = null,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var hub = taskHub ?? NewTaskHub();
        var all = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            ["CRON_SECRET"] = Secret,
            ["TaskHubName"] = hub,
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["RYESVP_HTTP_REPLAY"] = replay,
            ["RYESVP_HTTP_RECORD"] = null,
            ["Pipeline:ActivityRetryAttempts"] = "2",
            ["Pipeline:ActivityRetryFirstIntervalSeconds"] = "0.5",
            ["Pipeline:HttpRetryAttempts"] = "1",
            ["Pipeline:HttpRetryDelayMs"] = "50",
            ["Pipeline:HttpTimeoutSeconds"] = "20",
            ["GOOGLE_API_KEY"] = null,
            ["TICKETMASTER_API_KEY"] = null,
            ["OPENAI_API_KEY"] = null,
            ["SPOTIFY_CLIENT_ID"] = null,
            ["SPOTIFY_CLIENT_SECRET"] = null,
            ["DurableTask:WorkItemQueueVisibilitySeconds"] = "10",
            ["DurableTask:ControlQueueVisibilitySeconds"] = "10",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var url = $"http://127.0.0.1:{port}";
        var app = await LocalFunctionsHost.StartAsync(new LocalHostOptions { InMemory = inMemory, Urls = url }, configure, all);
        return new TestFunctionsHost(app, url, hub);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? authorization = "Bearer " + Secret)
    {
        var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? authorization = "Bearer " + Secret) =>
        Http.SendAsync(Request(method, path, authorization));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
