using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Orchestration;

public sealed class ConfigurationReportTests
{
    [Fact]
    public async Task Startup_NamesEachMissingSettingOnceAndNeverAValue()
    {
        await using var db = await TestDatabase.CreateAsync();
        var logs = new CapturedLogs();
        await using var host = await TestFunctionsHost.StartAsync(db, configure: s => s.AddLogging(l => l.AddProvider(logs)),
            settings: new Dictionary<string, string?> { ["TICKETMASTER_API_KEY"] = null, ["OPENAI_API_KEY"] = "placeholder-openai-value" });

        var lines = logs.Lines.Where(l => l.Message.StartsWith("Configuration: ", StringComparison.Ordinal)).Select(l => l.Message).ToList();

        Assert.Single(lines, l => l.StartsWith("Configuration: TICKETMASTER_API_KEY not set", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("OPENAI_API_KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("CRON_SECRET", StringComparison.Ordinal) || l.Contains("DATABASE_URL", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("placeholder-openai-value", StringComparison.Ordinal) || l.Message.Contains(TestFunctionsHost.Secret, StringComparison.Ordinal));
    }
}
