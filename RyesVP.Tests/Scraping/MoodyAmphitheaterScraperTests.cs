using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Venues;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Scraping;

public sealed class MoodyAmphitheaterScraperTests
{
    [Fact]
    public void Parse_SamplePage_BuildsTitlesIdsAndAustinTimes()
    {
        var events = MoodyAmphitheaterScraper.Parse(Samples.Venue("moody-amphitheater.html"), Samples.JobRun).Events;

        Assert.Equal(3, events.Count);
        var k = events[0];
        Assert.Equal("Khruangbin: A La Sala Tour with Men I Trust", k.Title);
        Assert.Equal("moody-amp-khruangbin-2027", k.SourceEventId);
        Assert.Equal(new DateTime(2027, 4, 24, 0, 0, 0, DateTimeKind.Utc), k.StartDateTime); // 19:00 CDT
        Assert.Equal("https://www.moodyamphitheater.com/events/khruangbin-2027", k.Url);
        Assert.Equal(EventCategory.FESTIVAL, events[1].Category);
        Assert.Equal("Waterloo Fest", events[1].Title); // tour name equal to headliner is not repeated
        var leon = events[2];
        Assert.Equal("tm-3A006178C0D81E44", leon.SourceEventId); // no detail link: the ticket id
        Assert.Equal(new DateTime(2027, 3, 19, 0, 0, 0, DateTimeKind.Utc), leon.StartDateTime); // full month name "March" is read
    }

    [Fact]
    public void Parse_PageWithoutCollection_Throws() =>
        Assert.Throws<ScrapeException>(() => MoodyAmphitheaterScraper.Parse("<html><body><p>Maintenance</p></body></html>", Samples.JobRun));
}
