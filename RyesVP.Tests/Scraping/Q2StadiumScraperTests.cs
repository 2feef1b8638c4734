using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Venues;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Scraping;

public sealed class Q2StadiumScraperTests
{
    [Fact]
    public void Parse_SamplePage_ReadsAt1930Austin()
    {
        var events = Q2StadiumScraper.Parse(Samples.Venue("q2-stadium.html"), Samples.JobRun).Events;

        Assert.Equal(3, events.Count);
        Assert.Equal(new DateTime(2027, 2, 28, 1, 30, 0, DateTimeKind.Utc), events[0].StartDateTime);
        Assert.Equal("q2-stadium-austin-fc-vs-lafc", events[0].SourceEventId);
        Assert.Equal("https://www.q2stadium.com/wp-content/uploads/2026/12/atx-lafc.jpg", events[0].ImageUrl);
        Assert.Equal(EventCategory.SPORTS, events[0].Category);
        Assert.Equal(new DateTime(2027, 3, 25, 0, 30, 0, DateTimeKind.Utc), events[1].StartDateTime); // after the DST change
        Assert.Equal(EventCategory.CONCERT, events[2].Category);
    }

    [Fact]
    public void Parse_PageWithoutList_Throws() =>
        Assert.Throws<ScrapeException>(() => Q2StadiumScraper.Parse("{\"error\":\"not html\"}", Samples.JobRun));
}
