using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace RyesVP.Cli.LocalHost;

/// <summary>
/// Calls a [Function] method the way the Functions host would: the function class comes from DI (constructor
/// injection, one instance per invocation), and each parameter is the trigger payload, a route value, a
/// CancellationToken or a [DurableClient]. Anything else is refused at start-up, not at run time.
/// </summary>
public static class FunctionInvoker
{
    public sealed record Bindings(object? Trigger, HttpContext? Http, CancellationToken CancellationToken, object? Input = null);

    public static void Validate(FunctionDescriptor f)
    {
        foreach (var p in f.Method.GetParameters())
        {
            if (!CanBind(f, p))
            {
                throw new NotSupportedException($"Function {f.Name}: the local host cannot bind parameter '{p.Name}' ({p.ParameterType.Name}).");
            }
        }
    }

    public static async Task<object?> InvokeAsync(FunctionDescriptor f, IServiceProvider services, Bindings bindings)
    {
        var target = f.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, f.Method.DeclaringType!);
        var args = f.Method.GetParameters().Select(p => Bind(f, p, services, bindings)).ToArray();
        object? result;
        try
        {
            result = f.Method.Invoke(target, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        return await Unwrap(result);
    }

    public static async Task<object?> Unwrap(object? result)
    {
        if (result is not Task task)
        {
            return result;
        }

        await task;
        var type = task.GetType();
        return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult"
            ? type.GetProperty(nameof(Task<int>.Result))!.GetValue(task)
            : null;
    }

    private static bool CanBind(FunctionDescriptor f, ParameterInfo p) =>
        p.ParameterType == typeof(CancellationToken)
        || p.GetCustomAttribute<DurableClientAttribute>() is not null
        || p.GetCustomAttribute<ActivityTriggerAttribute>() is not null
        || p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null
        || p.GetCustomAttribute<HttpTriggerAttribute>() is not null
        || p.GetCustomAttribute<TimerTriggerAttribute>() is not null
        || (f.Kind == FunctionKind.Orchestrator && p.ParameterType == f.InputType)
        || (f.Kind == FunctionKind.Http && p.ParameterType == typeof(string) && f.Route!.Contains("{" + p.Name + "}", StringComparison.Ordinal));

    private static object? Bind(FunctionDescriptor f, ParameterInfo p, IServiceProvider services, Bindings b)
    {
        if (p.ParameterType == typeof(CancellationToken))
        {
            return b.CancellationToken;
        }

        if (p.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            return services.GetRequiredService<DurableTaskClient>();
        }

        if (f.Kind == FunctionKind.Http && p.GetCustomAttribute<HttpTriggerAttribute>() is null)
        {
            return b.Http!.Request.RouteValues.TryGetValue(p.Name!, out var v) ? v?.ToString() : null;
        }

        if (f.Kind == FunctionKind.Orchestrator && p.GetCustomAttribute<OrchestrationTriggerAttribute>() is null)
        {
            return b.Input;
        }

        return b.Trigger;
    }
}
