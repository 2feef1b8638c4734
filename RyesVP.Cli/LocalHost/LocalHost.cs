
namespace RyesVP.Cli.LocalHost;

/// <summary>A running local host: the functions app and, behind it, the task-hub sidecar. Disposing stops both.</summary>
public sealed class LocalHost(WebApplication app, WebApplication sidecar, ILoggerFactory logging, IAsyncDisposable? samples = null) : IAsyncDisposable
{
    public WebApplication App => app;

    public IServiceProvider Services => app.Services;

    public IHostApplicationLifetime Lifetime => app.Lifetime;

    public ICollection<string> Urls => app.Urls;

    public async Task StopAsync(CancellationToken ct = default)
    {
        await app.StopAsync(ct);
        await sidecar.StopAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        finally
        {
            await app.DisposeAsync();
            await sidecar.DisposeAsync();
            logging.Dispose();
            if (samples is not null)
            {
                await samples.DisposeAsync();
            }
        }
    }
}
