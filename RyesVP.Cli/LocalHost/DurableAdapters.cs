using Microsoft.DurableTask;

namespace RyesVP.Cli.LocalHost;

/// <summary>A Functions-style orchestrator method as a Durable Task SDK orchestrator.</summary>
internal sealed class MethodOrchestrator(FunctionDescriptor function) : ITaskOrchestrator
{
    public Type InputType => function.InputType ?? typeof(object);

    public Type OutputType => ResultType(function.Method.ReturnType);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        // Orchestrators are static and take no services (enforced in FunctionCatalog).
        FunctionInvoker.InvokeAsync(function, EmptyServices.Instance, new FunctionInvoker.Bindings(context, null, CancellationToken.None, input));

    internal static Type ResultType(Type returnType) =>
        returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0]
        : returnType == typeof(Task) || returnType == typeof(void) ? typeof(object)
        : returnType;

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}

/// <summary>A Functions-style activity method as a Durable Task SDK activity; its class is built from DI per call.</summary>
internal sealed class MethodActivity(FunctionDescriptor function, IServiceProvider services) : ITaskActivity
{
    public Type InputType => function.InputType ?? typeof(object);

    public Type OutputType => MethodOrchestrator.ResultType(function.Method.ReturnType);

    public Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        return FunctionInvoker.InvokeAsync(function, services, new FunctionInvoker.Bindings(input, null, stopping));
    }
}
