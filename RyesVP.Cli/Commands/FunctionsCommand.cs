using RyesVP.Cli.LocalHost;

namespace RyesVP.Cli.Commands;

internal static class FunctionsCommand
{
    /// <summary>ryesvp functions: what the local host serves, discovered from the [Function] methods.</summary>
    public static int Run()
    {
        foreach (var f in FunctionCatalog.Discover())
        {
            var detail = f.Kind switch
            {
                FunctionKind.Http => $"{string.Join(",", f.HttpMethods!)} /api/{f.Route}",
                FunctionKind.Timer => f.Schedule,
                _ => f.InputType?.Name,
            };
            Console.WriteLine($"{f.Name,-24} {f.Kind,-13} {detail}");
        }

        return 0;
    }
}
