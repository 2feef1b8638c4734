using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Venues;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Scraping;

public sealed class LongCenterScraperTests
{
    [Fact]
    public void Parse_SamplePage_ReadsUnpaddedDatesHallsAndCancellations()
    {
        var events = LongCenterScraper.Parse(Samples.Venue("long-center.html"), Samples.JobRun).Events;

        Assert.Equal(3, events.Count);
        var symphony = events[0];
        Assert.Equal(new DateTime(2027, 1, 10, 2, 0, 0, DateTimeKind.Utc), symphony.StartDateTime); // "2027-1-9T20:00-6:00"
        Assert.Equal("https://thelongcenter.org/event/austin-symphony-beethoven-9/#event", symphony.SourceEventId);
        Assert.StartsWith("[Dell Hall] The Austin Symphony", symphony.Description, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2027, 4, 4, 0, 30, 0, DateTimeKind.Utc), events[1].StartDateTime); // -5:00 in April
        Assert.Equal(EventStatus.CANCELLED, events[2].Status); // the old app skipped it and left the row SCHEDULED
    }

    [Fact]
    public void Parse_PastEvent_IsSkippedFromAustinMidnight()
    {
        const string html = """
            <script type="application/ld+json">{"@type":"Event","name":"Earlier today","startDate":"2026-12-4T01:00-6:00","url":"https://thelongcenter.org/a/"}</script>
            <script type="application/ld+json">{"@type":"Event","name":"Yesterday","startDate":"2026-12-3T20:00-6:00","url":"https://thelongcenter.org/b/"}</script>
            """;
        var result = LongCenterScraper.Parse(html, Samples.JobRun);
        Assert.Equal("Earlier today", Assert.Single(result.Events).Title);
    }

    [Fact]
    public void Parse_LongDescription_IsCut()
    {
        var text = new string('x', 600);
        var html = $$"""<script type="application/ld+json">{"@type":"Event","name":"Long","startDate":"2027-1-9T20:00-6:00","description":"{{text}}"}</script>""";
        var e = Assert.Single(LongCenterScraper.Parse(html, Samples.JobRun).Events);
        Assert.Equal(500, e.Description!.Length);
        Assert.EndsWith("...", e.Description, StringComparison.Ordinal);
        Assert.Null(e.Url);
        Assert.Null(e.SourceEventId);
    }

    [Fact]
    public void Parse_PageWithoutJsonLd_Throws() =>
        Assert.Throws<ScrapeException>(() => LongCenterScraper.Parse("<html></html>", Samples.JobRun));
}
