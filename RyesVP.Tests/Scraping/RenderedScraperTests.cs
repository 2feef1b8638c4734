using RyesVP.Domain.Events;
using RyesVP.Domain.Http;
using RyesVP.Domain.Scraping;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Scraping.Venues.Rendered;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Scraping;

/// <summary>The ten rendered venues' pure parsers on their rendered sample pages, with "today" the job's Austin date (2026-12-04).</summary>
public sealed class RenderedScraperTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static string[] Pages(string slug) =>
        HttpRecording.ExpandDates(Samples.Venue(slug + ".rendered.html"), Today).Split(RenderingClient.Separator);

    private static T Scraper<T>()
        where T : RenderedScraper => (T)Activator.CreateInstance(typeof(T), new object?[typeof(T).GetConstructors()[0].GetParameters().Length])!;

    private static IReadOnlyList<ScrapedEvent> Parse<T>(string slug)
        where T : RenderedScraper => Scraper<T>().Parse(Pages(slug), Samples.JobRun).Events;

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(month == 1 ? 2027 : 2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Paramount_OneEventPerPerformance_CategoryFromProductType()
    {
        var e = Parse<ParamountScraper>("paramount-theatre");
        Assert.Equal(["61001", "61010", "61011"], e.Select(x => x.SourceEventId));
        Assert.Equal(Utc(12, 8, 1), e[0].StartDateTime); // Monday 7 PM in Austin
        Assert.Equal((EventCategory.OTHER, EventCategory.COMEDY), (e[0].Category, e[1].Category));
        Assert.Equal("https://tickets.austintheatre.org/media/sample/casablanca.jpg", e[0].ImageUrl);
        Assert.Equal("https://tickets.austintheatre.org/51240/61011", e[2].Url);
    }

    [Fact]
    public void AclLive_TimeFromTheUrl_SkipsUnrenderedTemplates()
    {
        var e = Parse<AclLiveScraper>("acl-live");
        Assert.Equal(2, e.Count);
        Assert.Equal(Utc(12, 9, 2), e[0].StartDateTime); // "-at-8-pm"
        Assert.Equal(Utc(12, 13, 1, 30), e[1].StartDateTime); // "-at-7-30-pm"
        Assert.Equal("Venue: ACL Live at The Moody Theater | Tour: The Moonlight Tour | Presented by: C3 Presents", e[0].Description);
        Assert.Equal(EventCategory.COMEDY, e[1].Category);
        Assert.Equal("2026-12-08-bob-schneider-at-8-pm", e[0].SourceEventId);
    }

    [Fact]
    public void TexasPerformingArts_RangesCancelledAndSubVenues()
    {
        var e = Parse<TexasPerformingArtsScraper>("bass-concert-hall");
        Assert.Equal(["bass-concert-hall", "bates-recital-hall", "mccullough-theatre"], e.Select(x => x.VenueSlug));
        Assert.Equal(Utc(12, 7, 1, 30), e[0].StartDateTime); // 19:30 Austin on the first day
        Assert.Equal(Utc(12, 12, 1, 30), e[0].EndDateTime);
        Assert.Equal(EventStatus.CANCELLED, e[2].Status); // the old app dropped cancelled blocks
        Assert.Equal(("tpa-hamilton", EventCategory.THEATER, EventCategory.CONCERT), (e[0].SourceEventId, e[0].Category, e[1].Category));
    }

    [Theory]
    [InlineData("Nov 29, 2025", "2025-11-29", null)]
    [InlineData("Dec 2 - 14, 2025", "2025-12-02", "2025-12-14")]
    [InlineData("Sep 25 - Nov 30, 2025", "2025-09-25", "2025-11-30")]
    [InlineData("Dec 28 - Jan 3, 2026", "2025-12-28", "2026-01-03")]
    [InlineData("December 30, 2025 - January 2, 2026", "2025-12-30", "2026-01-02")]
    public void TexasPerformingArts_DateRanges_CrossYearStartsInThePreviousYear(string text, string start, string? end)
    {
        var r = TexasPerformingArtsScraper.Range(text)!.Value;
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), end is null ? (DateOnly?)null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (r.Start, r.End));
    }

    [Fact]
    public void TexasPerformingArts_UtCalendarTimes_SplitInAustinTime_FirstKeepsTheId()
    {
        var listing = Scraper<TexasPerformingArtsScraper>().Parse(Pages("bass-concert-hall"), Samples.JobRun);
        var calendar = HttpRecording.ExpandDates(Samples.Venue("ut-calendar.html"), Today);

        var e = TexasPerformingArtsScraper.WithCalendarTimes(listing, calendar, Samples.JobRun).Events;

        var hamilton = e.Where(x => x.Title == "Hamilton").ToList();
        Assert.Equal([Utc(12, 7, 19, 30), Utc(12, 8, 1, 30)], hamilton.Select(x => x.StartDateTime)); // 13:30 and 19:30 CST; the +20 day is outside the run
        Assert.Equal(["tpa-hamilton", "tpa-hamilton-20261207-1930"], hamilton.Select(x => x.SourceEventId)); // suffix from Austin time, no orphan
        Assert.Equal(Utc(12, 10, 0), e.Single(x => x.Title == "Austin Chamber Quartet").StartDateTime);
    }

    [Fact]
    public void Emos_JsonLdAndDomFindTheSameShow_WithTheSameId()
    {
        var e = Parse<EmosScraper>("emos");
        Assert.Equal(["3A00SAMPLE0001", "3A00SAMPLE0002"], e.Select(x => x.SourceEventId));
        Assert.Equal("Night Tempo", e[1].Title); // from the DOM link's slug, place words dropped
        Assert.Equal(Utc(12, 15, 3), e[1].StartDateTime); // 9:00 PM in its card
        Assert.Equal("https://s1.ticketm.net/dam/sample/dj.jpg", e[1].ImageUrl);
    }

    [Fact]
    public void ScootInn_IdIsTheEventSegment_OnEitherPath()
    {
        var e = Parse<ScootInnScraper>("scoot-inn");
        Assert.Equal(["charley-crockett-9001", "comedy-hour-9002"], e.Select(x => x.SourceEventId));
        Assert.Equal(EventCategory.COMEDY, e[1].Category);

        const string dom = """<html><body><div class="card"><h3>Charley Crockett</h3><time datetime="2026-12-09T19:00:00-06:00"></time><a href="/event/charley-crockett-9001">Tickets</a></div></body></html>""";
        var fromDom = Assert.Single(Scraper<ScootInnScraper>().Parse([dom], Samples.JobRun).Events);
        Assert.Equal(("charley-crockett-9001", e[0].StartDateTime), (fromDom.SourceEventId, fromDom.StartDateTime));
    }

    [Fact]
    public void Mohawk_Concourse_RadioEast_Empire_Heb()
    {
        var mohawk = Parse<MohawkScraper>("mohawk");
        Assert.Equal((Utc(12, 7, 2), "-2852852648592801188", EventCategory.OTHER), (mohawk[0].StartDateTime, mohawk[0].SourceEventId, mohawk[1].Category));
        Assert.Equal("Transmission Events presents | With Sample Opener", mohawk[0].Description);

        var concourse = Parse<ConcourseProjectScraper>("concourse-project");
        Assert.Equal(2, concourse.Count); // the repeated container is one event
        Assert.Equal(("With Sample Support | 18+ | $45", EventCategory.CONCERT), (concourse[0].Description, concourse[0].Category));

        var radio = Parse<RadioEastScraper>("radio-east");
        Assert.Equal(["sample-bluegrass-jam", "sample-local-band-night"], radio.Select(x => x.SourceEventId));
        Assert.Equal("https://dice-media.imgix.net/sample/jam.jpg", radio[0].ImageUrl);

        var empire = Parse<EmpireScraper>("empire-control-room");
        Assert.Equal(["empire-7001", "empire-7002"], empire.Select(x => x.SourceEventId));
        Assert.All(empire, x => Assert.Equal(20, RyesVP.Domain.Time.AustinTime.ToLocal(x.StartDateTime).Hour));

        var heb = Parse<HebCenterScraper>("heb-center");
        Assert.Equal(["heb-center-texas-stars-vs-san-diego-gulls", "heb-center-sample-holiday-spectacular"], heb.Select(x => x.SourceEventId)); // two months
        Assert.Equal((EventCategory.SPORTS, Utc(1, 7, 1)), (heb[0].Category, heb[1].StartDateTime)); // 6 January, TBA → 19:00 Austin
    }

    [Fact]
    public void PastEvents_AreCutAtAustinMidnight()
    {
        // Late on the 4th in Austin (already the 5th in UTC): an 8 PM show on the 4th is still today, not past.
        const string page = """<html><body><article class="mec-event-article"><span class="mec-start-date-label">04 December</span><h4 class="mec-event-title"><a href="https://empireatx.com/events/x/" data-event-id="1">Tonight</a></h4></article></body></html>""";
        var lateNight = new DateTimeOffset(2026, 12, 5, 5, 0, 0, TimeSpan.Zero);
        Assert.Single(Scraper<EmpireScraper>().Parse([page], lateNight).Events);
        Assert.DoesNotContain(Scraper<EmpireScraper>().Parse([page], lateNight.AddDays(1)).Events, e => e.StartDateTime.Year == 2026); // a day later it is next year's
    }

    [Fact]
    public void LayoutChange_IsAFailureNotAnEmptySuccess()
    {
        Assert.Throws<ScrapeException>(() => Scraper<ParamountScraper>().Parse(["<html><body><p>Maintenance</p></body></html>"], Samples.JobRun));
        Assert.Throws<ScrapeException>(() => Scraper<HebCenterScraper>().Parse(["<html><body></body></html>"], Samples.JobRun));
    }

    [Fact]
    public void Health_WarnsOnDropsMidnightsAndFarYears()
    {
        var now = Samples.JobRun;
        ScrapedEvent E(int i, DateTime start, string? image = "x") => new("emos", $"Show {i}", start, null, $"id-{i}", ImageUrl: image);
        var evening = RyesVP.Domain.Time.AustinTime.ToUtc(2026, 12, 20, 20, 0);
        Assert.Empty(VenueHealth.Of([.. Enumerable.Range(0, 6).Select(i => E(i, evening))], 8, now).Warnings);

        var h = VenueHealth.Of([E(1, RyesVP.Domain.Time.AustinTime.ToUtc(2026, 12, 20, 0, 0)), E(2, RyesVP.Domain.Time.AustinTime.ToUtc(2028, 12, 20, 20, 0))], 10, now);
        Assert.Equal((1, 1), (h.AtMidnight, h.TwoYearsAhead));
        Assert.Contains(h.Warnings, w => w.Contains("less than half", StringComparison.Ordinal));
        Assert.Contains("0 events (the previous run found 9)", VenueHealth.Of([], 9, now).Warnings);
        Assert.Contains(VenueHealth.Of([.. Enumerable.Range(0, 6).Select(i => E(i, evening, null))], null, now).Warnings, w => w.Contains("image", StringComparison.Ordinal));
    }
}
