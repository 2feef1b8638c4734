using RyesVP.Domain.Time;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Time;

public sealed class AustinTimeTests
{
    [Fact]
    public void ToUtc_WinterEvening_IsSixHoursAhead() =>
        Assert.Equal(new DateTime(2026, 12, 5, 2, 0, 0, DateTimeKind.Utc), AustinTime.ToUtc(2026, 12, 4, 20, 0));

    [Fact]
    public void ToUtc_SummerEvening_IsFiveHoursAhead() =>
        Assert.Equal(new DateTime(2027, 7, 2, 0, 30, 0, DateTimeKind.Utc), AustinTime.ToUtc(2027, 7, 1, 19, 30));

    [Fact]
    public void ToUtc_OnSpringForwardDay_UsesDaylightOffsetForTheEvening()
    {
        // 14 March 2027 is the second Sunday of March: CST until 02:00, CDT after.
        Assert.Equal(new DateTime(2027, 3, 14, 7, 0, 0, DateTimeKind.Utc), AustinTime.ToUtc(2027, 3, 14, 1, 0));
        Assert.Equal(new DateTime(2027, 3, 15, 0, 0, 0, DateTimeKind.Utc), AustinTime.ToUtc(2027, 3, 14, 19, 0));
    }

    [Fact]
    public void ToUtc_InsideTheSpringGap_MovesForwardAnHour() =>
        Assert.Equal(AustinTime.ToUtc(2027, 3, 14, 3, 30), AustinTime.ToUtc(2027, 3, 14, 2, 30));

    [Fact]
    public void ToUtc_OnFallBackDay_EveningIsStandardTime() =>
        Assert.Equal(new DateTime(2027, 11, 8, 2, 0, 0, DateTimeKind.Utc), AustinTime.ToUtc(2027, 11, 7, 20, 0));

    [Fact]
    public void Today_At0800Utc_IsTheAustinDate() =>
        Assert.Equal(new DateOnly(2026, 12, 4), AustinTime.Today(Samples.JobRun));

    [Fact]
    public void Today_Before0600Utc_IsStillYesterdayInAustin() =>
        Assert.Equal(new DateOnly(2026, 12, 3), AustinTime.Today(new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void InferYear_EventTodayWhenTheJobRunsAt0800Utc_IsThisYear() =>
        Assert.Equal(2026, AustinTime.InferYear(12, 4, Samples.JobRun));

    [Fact]
    public void InferYear_DecemberRunSeesJanuary_IsNextYear() =>
        Assert.Equal(2027, AustinTime.InferYear(1, 15, Samples.JobRun));

    [Fact]
    public void InferYear_Yesterday_IsNextYear() =>
        Assert.Equal(2027, AustinTime.InferYear(12, 3, Samples.JobRun));

    [Theory]
    [InlineData("8:00pm", 20, 0)]
    [InlineData("Show: 10:30AM, 12:30PM", 10, 30)]
    [InlineData("7 PM", 19, 0)]
    [InlineData("12:15 am", 0, 15)]
    [InlineData("12:00 p.m.", 12, 0)]
    public void Time_ReadsTwelveHourTimes(string text, int hour, int minute) =>
        Assert.Equal((hour, minute), DateText.Time(text));

    [Theory]
    [InlineData("TBA")]
    [InlineData("")]
    [InlineData("2025")]
    public void Time_WithoutATime_IsNull(string text) => Assert.Null(DateText.Time(text));

    [Theory]
    [InlineData("Mar", 3)]
    [InlineData("March", 3)]
    [InlineData("SEPT", 9)]
    [InlineData("dec.", 12)]
    public void Month_ReadsNamesAndAbbreviations(string text, int month) => Assert.Equal(month, DateText.Month(text));

    [Theory]
    [InlineData("Smarch")]
    [InlineData("Ma")]
    [InlineData("")]
    public void Month_Unknown_IsNullNotJanuary(string text) => Assert.Null(DateText.Month(text));
}
