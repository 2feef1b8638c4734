using System.Net;
using System.Net.Sockets;
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

    public static async Task<WebApplication> StartAsync(
        LocalHostOptions options, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, CancellationToken ct = default)
    {
        var app = Build(options, configure, settings);
        if (app.Services.GetRequiredService<IOrchestrationService>() is SidecarStorageService storage)
        {
            await storage.CreateIfNotExistsAsync();
        }

        await app.StartAsync(ct);
        return app;
    }

    public static WebApplication Build(LocalHostOptions options, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DailyRefreshSchedule.ScheduleSetting] = DailyRefreshSchedule.DefaultSchedule,
            ["TaskHubName"] = DefaultTaskHub,
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        });
        // Environment wins over the defaults above; explicit settings (tests) win over both.
        builder.Configuration.AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        ConfigureLogging(builder.Logging);

        var functions = FunctionCatalog.Discover();
        foreach (var f in functions)
        {
            FunctionInvoker.Validate(f);
        }

        var sidecarPort = FreePort();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // gRPC needs HTTP/2 without TLS: a loopback-only endpoint of its own.
            kestrel.Listen(IPAddress.Loopback, sidecarPort, l => l.Protocols = HttpProtocols.Http2);
            if (options.Urls is { } urls)
            {
                foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var uri = new Uri(url);
                    var address = uri.Host is "localhost" ? IPAddress.Loopback
                        : uri.Host is "*" or "+" or "0.0.0.0" ? IPAddress.Any
                        : IPAddress.Parse(uri.Host);
                    kestrel.Listen(address, uri.Port, l => l.Protocols = HttpProtocols.Http1);
                }
            }
        });

        var services = builder.Services;
        services.AddRyesVP(builder.Configuration);
        services.AddSingleton<IReadOnlyList<FunctionDescriptor>>(functions);
        services.AddMvcCore(); // executors for the IActionResult types the HTTP functions return

        // Sidecar
        services.AddGrpc();
        services.AddSingleton(sp => CreateOrchestrationService(options, builder.Configuration, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => (IOrchestrationServiceClient)sp.GetRequiredService<IOrchestrationService>());
        services.AddSingleton<TaskHubGrpcServer>();
        services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = options.Worker ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{sidecarPort}");
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
        app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{sidecarPort}");
        if (options.Urls is not null)
        {
            foreach (var f in functions.Where(f => f.Kind == FunctionKind.Http))
            {
                app.MapMethods("/api/" + f.Route, f.HttpMethods!, (HttpContext http) => InvokeHttpAsync(f, http)).WithName(f.Name);
            }
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
        }));
    }

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

    private static void ConfigureLogging(ILoggingBuilder logging)
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
