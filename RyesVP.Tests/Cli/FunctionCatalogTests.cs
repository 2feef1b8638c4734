using System.Reflection;
using System.Text.Json;
using RyesVP.Cli.LocalHost;

namespace RyesVP.Tests.Cli;

public sealed class FunctionCatalogTests
{
    /// <summary>functions.metadata as the Worker SDK generated it for the Functions app in this build.</summary>
    private static JsonElement[] Metadata()
    {
        var configuration = typeof(FunctionCatalogTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RyesVP.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir!.FullName, "RyesVP.Orchestration", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} not found: build RyesVP.Orchestration first");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().ToArray();
    }

    private static string Kind(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).First(t => t.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Discover_ServesExactlyTheFunctionsTheFunctionsHostDoes()
    {
        var metadata = Metadata().ToDictionary(f => f.GetProperty("name").GetString()!, Kind);
        var local = FunctionCatalog.Discover().ToDictionary(f => f.Name, f => f.Kind switch
        {
            FunctionKind.Orchestrator => "orchestrationTrigger",
            FunctionKind.Activity => "activityTrigger",
            FunctionKind.Http => "httpTrigger",
            FunctionKind.Timer => "timerTrigger",
            _ => "?",
        });

        Assert.Equal(metadata.OrderBy(p => p.Key), local.OrderBy(p => p.Key));
    }

    [Fact]
    public void Discover_HttpRoutesAndMethodsMatchTheMetadata()
    {
        foreach (var f in Metadata().Where(f => Kind(f) == "httpTrigger"))
        {
            var trigger = f.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("type").GetString() == "httpTrigger");
            var local = FunctionCatalog.Discover().Single(x => x.Name == f.GetProperty("name").GetString());
            Assert.Equal(trigger.GetProperty("route").GetString(), local.Route);
            Assert.Equal(trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(), local.HttpMethods!.Order());
        }
    }

    [Fact]
    public void Discover_TimerUsesTheScheduleSetting()
    {
        var timers = FunctionCatalog.Discover().Where(f => f.Kind == FunctionKind.Timer).ToDictionary(f => f.Name, f => f.Schedule);
        Assert.Equal("%DailyRefreshSchedule%", timers["DailyRefreshSchedule"]);
        Assert.Equal("%RetentionSchedule%", timers["PurgeRunHistory"]);
        var schedule = LocalTimerService.Parse("0 0 8 * * *");
        Assert.Equal(new DateTime(2026, 12, 5, 8, 0, 0), schedule.GetNextOccurrence(new DateTime(2026, 12, 4, 8, 0, 0)));
        Assert.Equal(new DateTime(2026, 12, 4, 8, 0, 0), LocalTimerService.Parse("0 8 * * *").GetNextOccurrence(new DateTime(2026, 12, 4, 7, 59, 0)));
    }
}
