using System.Net;
using System.Net.Sockets;

namespace RyesVP.Tests.Infrastructure;

/// <summary>A Kestrel server on a free loopback port that hands every request to one delegate.</summary>
public sealed class WebApplicationLite(RequestDelegate handler) : IAsyncDisposable
{
    private WebApplication? app;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
