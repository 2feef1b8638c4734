using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Venues;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Scraping;

public sealed class MoodyCenterScraperTests
{
    private static string Page(string json) => $"<html><head><script type=\"application/ld+json\">{json}</script></head><body></body></html>";

    [Fact]
    public void Parse_SamplePage_ReadsEveryEventWithOffsetsAndIds()
    {
        var result = MoodyCenterScraper.Parse(Samples.Venue("moody-center.html"), Samples.JobRun);

        Assert.Equal(4, result.Events.Count);
        var tyler = result.Events.Single(e => e.Title.StartsWith("Tyler Childers", StringComparison.Ordinal));
        Assert.Equal(new DateTime(2027, 2, 13, 2, 0, 0, DateTimeKind.Utc), tyler.StartDateTime);
        Assert.Equal("41873", tyler.SourceEventId);
        Assert.Equal("https://moodycenteratx.com/wp-content/uploads/2026/09/tyler-childers.jpg", tyler.ImageUrl);
        var hoops = result.Events.Single(e => e.SourceEventId == "41902");
        Assert.Equal(EventCategory.SPORTS, hoops.Category);
        Assert.Equal("vs. Arkansas", hoops.Description);
        Assert.Equal("https://moodycenteratx.com/wp-content/uploads/2026/10/texas-mbb.jpg", hoops.ImageUrl);
        Assert.Equal(EventCategory.COMEDY, result.Events.Single(e => e.SourceEventId == "41755").Category);
    }

    [Fact]
    public void Parse_CancelledEvent_IsKeptAsCancelled()
    {
        var result = MoodyCenterScraper.Parse(Samples.Venue("moody-center.html"), Samples.JobRun);
        Assert.Equal(EventStatus.CANCELLED, result.Events.Single(e => e.SourceEventId == "41610").Status);
        Assert.Equal("Disney On Ice presents Frozen & Encanto", result.Events.Single(e => e.SourceEventId == "41610").Title);
    }

    [Fact]
    public void Parse_SingleEventObjectAtRoot_IsRead()
    {
        var result = MoodyCenterScraper.Parse(Page("""{"@type":"MusicEvent","name":"Solo","startDate":"2027-03-01T20:00:00-06:00","url":"https://moodycenteratx.com/event/solo/123/"}"""), Samples.JobRun);
        Assert.Equal("Solo", Assert.Single(result.Events).Title);
    }

    [Fact]
    public void Parse_GraphRoot_ReadsEventSubtypesOnly()
    {
        var result = MoodyCenterScraper.Parse(Page("""
            {"@context":"https://schema.org","@graph":[
              {"@type":"Organization","name":"Moody Center"},
              {"@type":"ComedyEvent","name":"A","startDate":"2027-03-01T20:00:00-06:00"},
              {"@type":["Event","SportsEvent"],"name":"B","startDate":"2027-03-02T19:00:00Z"},
              {"@type":"Place","name":"Not an event"}]}
            """), Samples.JobRun);
        Assert.Equal(["A", "B"], result.Events.Select(e => e.Title));
        Assert.Equal(new DateTime(2027, 3, 2, 19, 0, 0, DateTimeKind.Utc), result.Events[1].StartDateTime);
    }

    [Fact]
    public void Parse_DateWithoutOffset_IsAustinTimeNotServerTime()
    {
        var result = MoodyCenterScraper.Parse(Page("""[{"@type":"Event","name":"Local","startDate":"2027-07-04T20:00:00"}]"""), Samples.JobRun);
        Assert.Equal(new DateTime(2027, 7, 5, 1, 0, 0, DateTimeKind.Utc), Assert.Single(result.Events).StartDateTime);
    }

    [Fact]
    public void Parse_UnparseableDate_IsReportedNotGuessed()
    {
        var result = MoodyCenterScraper.Parse(Page("""[{"@type":"Event","name":"Broken","startDate":"sometime soon"},{"@type":"Event","name":"Fine","startDate":"2027-01-02T19:00:00-06:00"}]"""), Samples.JobRun);
        Assert.Equal("Fine", Assert.Single(result.Events).Title);
        Assert.Contains(result.Problems, p => p.Contains("sometime soon", StringComparison.Ordinal) && p.Contains("Broken", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PageWithoutJsonLd_Throws() =>
        Assert.Throws<ScrapeException>(() => MoodyCenterScraper.Parse("<html><body><h1>We'll be right back</h1></body></html>", Samples.JobRun));

    [Fact]
    public void Parse_MalformedJsonLd_IsReportedAndOtherBlocksStillRead()
    {
        var html = "<html><head><script type=\"application/ld+json\">{not json</script>" +
                   "<script type=\"application/ld+json\">[{\"@type\":\"Event\",\"name\":\"Ok\",\"startDate\":\"2027-01-02T19:00:00-06:00\"}]</script></head></html>";
        var result = MoodyCenterScraper.Parse(html, Samples.JobRun);
        Assert.Single(result.Events);
        Assert.Single(result.Problems);
    }
}
