using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Venues;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Scraping;

public sealed class CotaScraperTests
{
    private static string Column(string title, string date, string tag = "Concerts") =>
        $"<div class=\"event-grid-ctn\"><div class=\"event-column column\"><span class=\"event-tag\">{tag}</span><h3 class=\"heading-6\"><a href=\"https://circuitoftheamericas.com/events/{title.ToLowerInvariant().Replace(' ', '-')}/\">{title}</a></h3><div class=\"event-date\">{date}</div></div></div>";

    [Fact]
    public void Parse_SamplePage_SkipsSponsorsAndReadsRangesAndImages()
    {
        var events = CotaScraper.Parse(Samples.Venue("cota.html"), Samples.JobRun).Events;

        Assert.Equal(3, events.Count);
        var f1 = events[0];
        Assert.Equal(EventCategory.SPORTS, f1.Category);
        Assert.Equal(new DateTime(2027, 10, 23, 0, 0, 0, DateTimeKind.Utc), f1.StartDateTime);
        Assert.Equal("https://circuitoftheamericas.com/wp-content/uploads/2026/f1-usgp.jpg", f1.ImageUrl);
        Assert.Equal("cota-circuitoftheamericas-com-f1-", f1.SourceEventId);
        Assert.Equal("https://circuitoftheamericas.com/wp-content/uploads/2026/lights.jpg", events[1].ImageUrl); // data-bg
        Assert.DoesNotContain(events, e => e.Title == "Our Partners");
    }

    [Fact]
    public void Parse_CrossYearRange_StartsInThePreviousYear()
    {
        // The old parser gave "December 30-January 3, 2027" the end's year: 30 December 2027.
        var e = Assert.Single(CotaScraper.Parse(Column("Holiday Lights", "December 30-January 3, 2027", "Community"), Samples.JobRun).Events);
        Assert.Equal(new DateTime(2026, 12, 31, 1, 0, 0, DateTimeKind.Utc), e.StartDateTime);
        Assert.Equal(EventCategory.OTHER, e.Category);
    }

    [Theory]
    [InlineData("November 21 2027, January 4 2028", 2027, 11, 21)]
    [InlineData("SEPTEMBER 11-13, 2027", 2027, 9, 11)]
    [InlineData("February 27-March 1, 2027", 2027, 2, 27)]
    [InlineData("March 27, 2027", 2027, 3, 27)]
    public void Parse_DateForms_GiveTheStartDay(string text, int y, int m, int d)
    {
        var e = Assert.Single(CotaScraper.Parse(Column("Show", text), Samples.JobRun).Events);
        Assert.Equal(new DateOnly(y, m, d), Domain.Time.AustinTime.LocalDate(e.StartDateTime));
    }

    [Fact]
    public void Parse_AbbreviatedMonth_IsReported()
    {
        var result = CotaScraper.Parse(Column("Show", "Mar 27, 2027"), Samples.JobRun);
        Assert.Empty(result.Events);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Parse_RangeStillOn_IsNotPast()
    {
        var e = Assert.Single(CotaScraper.Parse(Column("Fair", "December 1-6, 2026"), Samples.JobRun).Events);
        Assert.Equal(new DateOnly(2026, 12, 1), Domain.Time.AustinTime.LocalDate(e.StartDateTime));
    }

    [Fact]
    public void Parse_PageWithoutGrid_Throws() =>
        Assert.Throws<ScrapeException>(() => CotaScraper.Parse("<html><body>502 Bad Gateway</body></html>", Samples.JobRun));
}
