using RyesVP.Domain.Events;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Venues;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Scraping;

public sealed class AntonesScraperTests
{
    private static string Item(string title, string href, string date, string time) =>
        $"<div class=\"tw-section tw-section--list\"><div class=\"tw-name\"><a href=\"{href}\">{title}</a></div><div class=\"tw-event-date\">{date}</div><div class=\"tw-event-time\">{time}</div></div>";

    private static string Page(params string[] items) => "<html><body><div class=\"tw-plugin-upcoming-event-list\">" + string.Concat(items) + "</div></body></html>";

    [Fact]
    public void Parse_SamplePage_ReadsEvents()
    {
        var events = AntonesScraper.Parse(Samples.Venue("antones-1.html"), Samples.JobRun).Events;

        Assert.Equal(3, events.Count);
        Assert.Equal("Gary Clark Jr. Residency", events[0].Title); // whitespace collapsed
        Assert.Equal("antones-gary-clark-jr-residency", events[0].SourceEventId);
        Assert.Equal(new DateTime(2027, 1, 16, 2, 0, 0, DateTimeKind.Utc), events[0].StartDateTime);
        Assert.Equal("Night one of four.", events[0].Description);
        Assert.Equal(EventCategory.FESTIVAL, events[1].Category);
        Assert.Equal("https://antonesnightclub.com/wp-content/uploads/2026/11/blues-fest.jpg", events[1].ImageUrl);
        Assert.Equal("antones-comedy-at-antones", events[2].SourceEventId); // no /tm-event/: last path segment
        Assert.Equal(EventCategory.COMEDY, events[2].Category);
        Assert.Equal(new DateTime(2027, 3, 4, 1, 0, 0, DateTimeKind.Utc), events[2].StartDateTime); // missing time → 19:00
    }

    [Fact]
    public void Parse_UnknownMonth_IsReportedNeverJanuary()
    {
        var result = AntonesScraper.Parse(Page(Item("Typo", "https://antonesnightclub.com/tm-event/typo/", "Decmber 06, 2026", "8:00pm")), Samples.JobRun);
        Assert.Empty(result.Events);
        Assert.Contains("Decmber 06, 2026", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_YearlessDate_InfersFromAustinToday()
    {
        var result = AntonesScraper.Parse(Page(
            Item("Tonight", "https://antonesnightclub.com/tm-event/tonight/", "December 4", "9:00pm"),
            Item("January", "https://antonesnightclub.com/tm-event/jan/", "January 8", "9:00pm")), Samples.JobRun);
        Assert.Equal(new DateTime(2026, 12, 5, 3, 0, 0, DateTimeKind.Utc), result.Events[0].StartDateTime);
        Assert.Equal(2027, result.Events[1].StartDateTime.Year);
    }

    [Fact]
    public void Parse_PastEventBeforeAustinMidnight_IsSkipped()
    {
        var result = AntonesScraper.Parse(Page(Item("Last night", "https://antonesnightclub.com/tm-event/last/", "December 3, 2026", "11:00pm")), Samples.JobRun);
        Assert.Empty(result.Events);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Parse_GarbagePage_Throws() =>
        Assert.Throws<ScrapeException>(() => AntonesScraper.Parse("\u0000\u0001garbage<<<>>>", Samples.JobRun));
}
