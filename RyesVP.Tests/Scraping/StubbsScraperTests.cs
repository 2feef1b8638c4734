using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Venues;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Scraping;

public sealed class StubbsScraperTests
{
    private static string Section(string href, string date, string time) =>
        $"<html><body><div class=\"tw-section\"><div class=\"tw-name\"><a href=\"{href}\">Show</a></div><span class=\"tw-event-date\">{date}</span><span class=\"tw-event-time\">{time}</span></div></body></html>";

    [Fact]
    public void Parse_SamplePage_ReadsDatesTimesAndDescriptions()
    {
        // The sample's dates follow the calendar: two, five and nine days after the job's Austin date (2026-12-04).
        var page = RyesVP.Domain.Http.HttpRecording.ExpandDates(Samples.Venue("stubbs.html"), new DateOnly(2026, 12, 4));
        var events = StubbsScraper.Parse(page, Samples.JobRun).Events;

        Assert.Equal(3, events.Count);
        var brunch = events[0];
        Assert.Equal("gospel-brunch-2026-12-06", brunch.SourceEventId);
        Assert.Equal(new DateTime(2026, 12, 6, 16, 30, 0, DateTimeKind.Utc), brunch.StartDateTime); // first show time, 10:30 CST
        Assert.Equal(new DateTime(2026, 12, 14, 2, 0, 0, DateTimeKind.Utc), events[2].StartDateTime); // "12/13", TBA → 20:00
        Assert.Equal(EventCategory.OTHER, brunch.Category);
        Assert.Equal("Doors: Doors 10:00AM | Price: $35.00 | Ages: All Ages", brunch.Description);
        Assert.Equal("https://stubbsaustin.com/wp-content/uploads/2026/11/gospel-brunch.jpg", brunch.ImageUrl);
        Assert.Equal("Doors: Doors 6:30PM | Price: $45.00 - $65.00", events[1].Description); // "and up" omitted
        Assert.Equal(EventCategory.CONCERT, events[1].Category);
    }

    [Fact]
    public void Parse_NoDateInUrl_UsesDisplayDateWithAustinYearAndDefaultTime()
    {
        var e = Assert.Single(StubbsScraper.Parse(Section("https://stubbsaustin.com/tm-event/black-pumas/", "1/16", "TBA"), Samples.JobRun).Events);
        Assert.Equal(new DateTime(2027, 1, 17, 2, 0, 0, DateTimeKind.Utc), e.StartDateTime); // January seen in December → next year, 20:00 default
    }

    [Fact]
    public void Parse_EveningShowTodayWhenJobRunsAt0800Utc_StaysThisYear()
    {
        // The old app compared UTC midnights at 08:00 UTC and pushed today's shows to next year.
        var e = Assert.Single(StubbsScraper.Parse(Section("https://stubbsaustin.com/tm-event/del-water-gap/", "12/4", "Show: 7:30PM"), Samples.JobRun).Events);
        Assert.Equal(new DateTime(2026, 12, 5, 1, 30, 0, DateTimeKind.Utc), e.StartDateTime);
    }

    [Fact]
    public void Parse_BadDisplayDate_IsReported()
    {
        var result = StubbsScraper.Parse(Section("https://stubbsaustin.com/tm-event/x/", "13/45", "8:00PM"), Samples.JobRun);
        Assert.Empty(result.Events);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Parse_PageWithoutListing_Throws() =>
        Assert.Throws<ScrapeException>(() => StubbsScraper.Parse("<html><body>Service unavailable</body></html>", Samples.JobRun));
}
