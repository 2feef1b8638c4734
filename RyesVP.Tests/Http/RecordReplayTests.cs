using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RyesVP.Domain.Http;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Http;

public sealed class RecordReplayTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "ryesvp-rec-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static HttpClient Client(HttpRecordingOptions options) =>
        new(new RecordReplayHandler(options, NullLogger<RecordReplayHandler>.Instance) { InnerHandler = new HttpClientHandler() });

    [Fact]
    public async Task Record_ThenReplay_SameAnswerWithoutTheNetworkAndNoSecretOnDisk()
    {
        await using var site = new WebApplicationLite(async http =>
        {
            http.Response.Headers["Retry-After"] = "7";
            http.Response.Headers["Set-Cookie"] = "session=abc";
            await http.Response.WriteAsync("listing for " + http.Request.Query["venueId"]);
        });
        await site.StartAsync();
        var url = $"{site.BaseUrl}/discovery/v2/events.json?venueId=KovZ917ANwG&apikey=SUPER-SECRET-KEY";

        using (var recorder = Client(new HttpRecordingOptions { RecordDirectory = dir }))
        {
            Assert.Equal("listing for KovZ917ANwG", await recorder.GetStringAsync(url));
        }

        var file = Assert.Single(Directory.GetFiles(dir));
        var text = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("SUPER-SECRET-KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("session=abc", text, StringComparison.Ordinal);
        Assert.Contains("apikey=REDACTED", JsonDocument.Parse(text).RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);

        await site.DisposeAsync(); // the network is gone; replay must not need it
        using var replayer = Client(new HttpRecordingOptions { ReplayDirectory = dir });
        using var response = await replayer.GetAsync(url.Replace("SUPER-SECRET-KEY", "ANOTHER-KEY", StringComparison.Ordinal));
        Assert.Equal("listing for KovZ917ANwG", await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Replay_Miss_FailsLoudlyNamingTheRequest()
    {
        Directory.CreateDirectory(dir);
        using var replayer = Client(new HttpRecordingOptions { ReplayDirectory = dir });

        var ex = await Assert.ThrowsAsync<HttpReplayMissException>(() => replayer.GetAsync("https://stubbsaustin.com/concert-listings/?key=abc"));

        Assert.Contains("GET https://stubbsaustin.com/concert-listings/?key=REDACTED", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", ex.Message.Replace("REDACTED", string.Empty, StringComparison.Ordinal).Replace("stubbsaustin", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BundledSamples_CoverEveryPlainHttpVenue()
    {
        var recordings = RecordReplayHandler.Load(Path.Combine(Samples.Directory, "venues"));
        foreach (var url in new[]
        {
            Domain.Scraping.Venues.MoodyCenterScraper.FirstPage, Domain.Scraping.Venues.StubbsScraper.ListingUrl, Domain.Scraping.Venues.LongCenterScraper.ListingUrl,
            Domain.Scraping.Venues.AntonesScraper.PageUrl(1), Domain.Scraping.Venues.MoodyAmphitheaterScraper.ListingUrl, Domain.Scraping.Venues.CotaScraper.ListingUrl,
            Domain.Scraping.Venues.Q2StadiumScraper.ListingUrl,
        })
        {
            Assert.True(recordings.ContainsKey(HttpRecording.Key("GET", HttpRecording.ScrubUrl(new Uri(url)), null)), url);
        }
    }
}
