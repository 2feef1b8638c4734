using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RyesVP.Domain;
using RyesVP.Orchestration.Http;
using RyesVP.Orchestration.Jobs;
using RyesVP.Orchestration.Retention;

namespace RyesVP.Orchestration;

public static class RyesVPServices
{
    /// <summary>The one composition root both hosts call (the Functions app and the local ryesvp host).</summary>
    public static IServiceCollection AddRyesVP(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRyesVPDomain(configuration);
        services.AddSingleton<CronAuth>();
        services.AddSingleton<JobLauncher>();
        services.AddSingleton<RunHistoryRetention>();
        services.AddHostedService<ConfigurationReport>();
        return services;
    }
}
