using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RyesVP.Orchestration;

/// <summary>Names the missing settings once at start-up (never a value), so a misconfigured deployment is obvious.</summary>
internal sealed class ConfigurationReport(IConfiguration configuration, ILogger<ConfigurationReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var s in AppSettings.Missing(configuration))
        {
            logger.LogWarning("Configuration: {Setting} not set (needed by {UsedBy})", s.Name, s.UsedBy);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
