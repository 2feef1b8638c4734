using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using RyesVP.Orchestration;

namespace RyesVP.Cli.LocalHost;

public enum FunctionKind
{
    Orchestrator,
    Activity,
    Http,
    Timer,
}

/// <summary>A [Function] method of the Functions app, as the local host serves it.</summary>
public sealed record FunctionDescriptor(
    string Name,
    FunctionKind Kind,
    MethodInfo Method,
    Type? InputType,
    string? Route = null,
    IReadOnlyList<string>? HttpMethods = null,
    string? Schedule = null);

/// <summary>
/// The registry of the local host, discovered from the [Function] methods of RyesVP.Orchestration: the single
/// source of truth the Functions host also reads (through the Worker SDK's generated functions.metadata).
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly? assembly = null)
    {
        assembly ??= typeof(RyesVPServices).Assembly;
        var list = new List<FunctionDescriptor>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                list.Add(Describe(function.Name, method));
            }
        }

        return list.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        var parameters = method.GetParameters();
        foreach (var p in parameters)
        {
            if (p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
            {
                if (!method.IsStatic)
                {
                    throw new NotSupportedException($"Orchestrator {name} must be static: orchestrators take no services.");
                }

                // Functions binds the orchestration input to the first parameter without a binding attribute.
                var input = parameters.FirstOrDefault(x => x != p && x.ParameterType != typeof(CancellationToken) && !HasBinding(x));
                return new FunctionDescriptor(name, FunctionKind.Orchestrator, method, input?.ParameterType);
            }

            if (p.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
            {
                return new FunctionDescriptor(name, FunctionKind.Activity, method, p.ParameterType);
            }

            if (p.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                var methods = (http.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToList();
                return new FunctionDescriptor(name, FunctionKind.Http, method, null, http.Route ?? name, methods);
            }

            if (p.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionDescriptor(name, FunctionKind.Timer, method, null, Schedule: timer.Schedule);
            }
        }

        throw new NotSupportedException($"Function {name} has no trigger the local host supports.");
    }

    private static bool HasBinding(ParameterInfo p) =>
        p.GetCustomAttributes().Any(a => a.GetType().Namespace?.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal) == true);
}
