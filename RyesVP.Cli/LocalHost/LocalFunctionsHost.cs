using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using RyesVP.Orchestration;
using RyesVP.Orchestration.Daily;

namespace RyesVP.Cli.LocalHost;

/// <summary>
/// Hosts the Functions app's functions without the Functions runtime: a gRPC task-hub sidecar (TaskHubGrpcServer)
/// over the Azure Storage provider on Azurite — the same task-hub layout as production, so Durable Functions
/// Monitor can open it — a Durable Task worker whose registry is the app's [Function] methods, the HTTP functions
/// on Kestrel and the timer schedule.
/// </summary>
public static class LocalFunctionsHost
{
    public const string DefaultTaskHub = "RyesVPLocal";

    /// <summary>Starts the sidecar first (so the worker's first connection succeeds), then the functions host.</summary>
    public static async Task<LocalHost> StartAsync(
        LocalHostOptions options, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, CancellationToken ct = default)
    {
        var configuration = Configuration(settings);
        Samples.SampleApis? samples = null;
        if (configuration[Samples.SampleApis.Setting] is { Length: > 0 } sampleDirectory)
        {
            // Offline: the third-party APIs answered from the samples on loopback (their keys and base URLs overlaid).
            samples = await Samples.SampleApis.StartAsync(sampleDirectory, ct);
            var overlay = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
            foreach (var (key, value) in samples.Settings())
            {
                overlay[key] = value;
            }

            configuration = Configuration(overlay);
        }

        var logging = LoggerFactory.Create(ConfigureLogging);
        var service = CreateOrchestrationService(options, configuration, logging);
        if (service is SidecarStorageService storage)
        {
            await storage.CreateIfNotExistsAsync();
        }

        var sidecar = BuildSidecar(service, options.Worker);
        await sidecar.StartAsync(ct);
        var sidecarUrl = sidecar.Urls.Single();
        WebApplication app;
        try
        {
            app = BuildFunctionsHost(options, configuration, sidecarUrl, configure);
            await app.StartAsync(ct);
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }

        return new LocalHost(app, sidecar, logging, samples);
    }

    private static IConfiguration Configuration(IDictionary<string, string?>? settings)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DailyRefreshSchedule.ScheduleSetting] = DailyRefreshSchedule.DefaultSchedule,
            [RyesVP.Orchestration.Retention.RetentionSchedule.ScheduleSetting] = RyesVP.Orchestration.Retention.RetentionSchedule.DefaultSchedule,
            ["TaskHubName"] = DefaultTaskHub,
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        });
        // Environment wins over the defaults above; explicit settings (tests) win over both.
        builder.AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.AddInMemoryCollection(settings);
        }

        return builder.Build();
    }

    /// <summary>The task-hub sidecar: TaskHubGrpcServer over the orchestration service, HTTP/2 on a loopback port.</summary>
    private static WebApplication BuildSidecar(IOrchestrationService service, bool dispatch)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        ConfigureLogging(builder.Logging);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = dispatch ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }

    /// <summary>The functions: worker (orchestrators and activities), client, HTTP functions, timers.</summary>
    private static WebApplication BuildFunctionsHost(LocalHostOptions options, IConfiguration configuration, string sidecarUrl, Action<IServiceCollection>? configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        ConfigureLogging(builder.Logging);

        var functions = FunctionCatalog.Discover();
        foreach (var f in functions)
        {
            FunctionInvoker.Validate(f);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (string.IsNullOrWhiteSpace(options.Urls))
            {
                // No HTTP API wanted (run, bench): a free loopback port, never Kestrel's default 5000.
                kestrel.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1);
            }

            foreach (var url in (options.Urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var uri = new Uri(url);
                var address = uri.Host is "localhost" ? IPAddress.Loopback
                    : uri.Host is "*" or "+" or "0.0.0.0" ? IPAddress.Any
                    : IPAddress.Parse(uri.Host);
                kestrel.Listen(address, uri.Port, l => l.Protocols = HttpProtocols.Http1);
            }
        });

        var services = builder.Services;
        services.AddRyesVP(builder.Configuration);
        services.AddSingleton<IReadOnlyList<FunctionDescriptor>>(functions);
        services.AddSingleton(new SidecarAddress(sidecarUrl));
        services.AddMvcCore(); // executors for the IActionResult types the HTTP functions return

        var channel = GrpcChannel.ForAddress(sidecarUrl);
        var converter = new JsonDataConverter(RyesVPJson.Options);
        if (options.Worker)
        {
            services.AddDurableTaskWorker(worker =>
            {
                worker.UseGrpc(channel);
                worker.AddTasks(registry => Register(registry, functions));
                worker.Configure(o => o.DataConverter = converter);
            });
        }

        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
            client.Configure(o => o.DataConverter = converter);
        });

        if (options.Timers)
        {
            services.AddHostedService<LocalTimerService>();
        }

        configure?.Invoke(services);

        var app = builder.Build();
        foreach (var f in functions.Where(f => f.Kind == FunctionKind.Http && options.Urls is not null))
        {
            app.MapMethods("/api/" + f.Route, f.HttpMethods!, (HttpContext http) => InvokeHttpAsync(f, http)).WithName(f.Name);
        }

        return app;
    }

    public static IOrchestrationService CreateOrchestrationService(LocalHostOptions options, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        if (options.InMemory)
        {
            return new InMemoryOrchestrationService(loggerFactory);
        }

        var connection = configuration["AzureWebJobsStorage"]!;
        return new SidecarStorageService(new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = configuration["TaskHubName"]!,
            StorageAccountClientProvider = new StorageAccountClientProvider(connection),
            LoggerFactory = loggerFactory,
            // Locally, a quiet queue should not make a new run wait the production 30 s to be noticed.
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            // Start is deduplicated by the dedupe statuses we pass; surface violations as errors.
            ThrowExceptionOnInvalidDedupeStatus = true,
            CustomMessageTypeBinder = new ProtobufMapTypeBinder(),
            // How soon a message taken by a worker that died reappears for another (production default: 5 minutes).
            WorkItemQueueVisibilityTimeout = Seconds(configuration["DurableTask:WorkItemQueueVisibilitySeconds"], 300),
            ControlQueueVisibilityTimeout = Seconds(configuration["DurableTask:ControlQueueVisibilitySeconds"], 300),
            // Activities at once in this process (host.json's maxConcurrentActivityFunctions is per Azure instance).
            MaxConcurrentTaskActivityWorkItems = int.TryParse(configuration["DurableTask:MaxConcurrentActivities"], out var activities) && activities > 0 ? activities : 16,
        }));
    }

    private static TimeSpan Seconds(string? value, double fallback) =>
        TimeSpan.FromSeconds(double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : fallback);

    private static void Register(DurableTaskRegistry registry, IReadOnlyList<FunctionDescriptor> functions)
    {
        foreach (var f in functions)
        {
            switch (f.Kind)
            {
                case FunctionKind.Orchestrator:
                    registry.AddOrchestrator(f.Name, new MethodOrchestrator(f));
                    break;
                case FunctionKind.Activity:
                    registry.AddActivity(f.Name, sp => new MethodActivity(f, sp));
                    break;
            }
        }
    }

    private static async Task InvokeHttpAsync(FunctionDescriptor f, HttpContext http)
    {
        var result = await FunctionInvoker.InvokeAsync(f, http.RequestServices, new FunctionInvoker.Bindings(http.Request, http, http.RequestAborted));
        if (result is IActionResult action)
        {
            await action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
        }
    }

    internal static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        // The framework's chatter stays out of the pipeline's log.
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("DurableTask", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Polly", LogLevel.Warning);
        logging.AddFilter("DbUp", LogLevel.Warning);
    }

}

/// <summary>Where the local task-hub sidecar (gRPC) listens.</summary>
public sealed record SidecarAddress(string Url);
