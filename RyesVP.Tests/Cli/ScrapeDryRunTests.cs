using System.Diagnostics;
using System.Text.Json;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Cli;

public sealed class ScrapeDryRunTests
{
    private static async Task<(int Code, string Out, string Err)> RyesvpAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ryesvp.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["RYESVP_HTTP_REPLAY"] = Path.Combine(Samples.Directory, "venues");
        start.Environment.Remove("DATABASE_URL"); // a dry run needs no database
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task DryRunJson_OneVenue_PrintsItsEventsAsJson()
    {
        var (code, output, _) = await RyesvpAsync("scrape", "--venue", "q2-stadium", "--dry-run", "--json");

        Assert.Equal(0, code);
        var events = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, events.Count);
        var first = events[0];
        Assert.Equal("Austin FC vs. LAFC", first.GetProperty("title").GetString());
        Assert.Equal("2027-02-28T01:30:00Z", first.GetProperty("startDateTime").GetString());
        Assert.Equal("q2-stadium-austin-fc-vs-lafc", first.GetProperty("sourceEventId").GetString());
        Assert.Equal("SPORTS", first.GetProperty("category").GetString());
        Assert.Equal("SCHEDULED", first.GetProperty("status").GetString());
        Assert.Equal("q2-stadium", first.GetProperty("venueSlug").GetString());
        Assert.StartsWith("https://www.q2stadium.com/", first.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_AllVenues_CoversAllSeventeenVenues()
    {
        var (code, output, err) = await RyesvpAsync("scrape", "--dry-run", "--json");

        Assert.True(code == 0, err);
        var venues = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.GetProperty("venueSlug").GetString()).Distinct().Order();
        Assert.Equal(["acl-live", "antones", "bass-concert-hall", "bates-recital-hall", "concourse-project", "cota", "emos", "empire-control-room", "heb-center",
            "long-center", "mccullough-theatre", "mohawk", "moody-amphitheater", "moody-center", "paramount-theatre", "q2-stadium", "radio-east", "scoot-inn", "stubbs"], venues);
    }

    [Fact]
    public async Task DryRun_UnknownVenue_ListsTheValidOnes()
    {
        var (code, _, err) = await RyesvpAsync("scrape", "--venue", "the-moon", "--dry-run");

        Assert.Equal(2, code);
        Assert.Contains("stubbs", err, StringComparison.Ordinal);
        Assert.Contains("the-moon", err, StringComparison.Ordinal);
    }
}
