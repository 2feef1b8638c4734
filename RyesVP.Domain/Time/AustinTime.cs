namespace RyesVP.Domain.Time;

/// <summary>
/// Austin (America/Chicago) wall-clock rules. Every "local date" in the pipeline goes through here:
/// the old app used the server's zone (UTC on Vercel) and shifted evening events to the next day.
/// </summary>
public static class AustinTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>The UTC instant of an Austin wall-clock time. Month is 1-based.</summary>
    public static DateTime ToUtc(int year, int month, int day, int hour = 19, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        // A time inside the spring-forward gap does not exist; move it forward by the gap as clocks do.
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public static DateTime ToUtc(DateOnly date, int hour, int minute) => ToUtc(date.Year, date.Month, date.Day, hour, minute);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateOnly Today(DateTimeOffset now) => LocalDate(now.UtcDateTime);

    /// <summary>The UTC instant of Austin midnight starting <paramref name="date"/>.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) => ToUtc(date.Year, date.Month, date.Day, 0, 0);

    /// <summary>
    /// Year for a "Month Day" with no year: this Austin year, unless that day is strictly before Austin today,
    /// in which case next year. An event dated today is never bumped (the 2027 bug came from comparing UTC midnights).
    /// </summary>
    public static int InferYear(int month, int day, DateTimeOffset now)
    {
        var today = Today(now);
        if (month < today.Month || (month == today.Month && day < today.Day))
        {
            return today.Year + 1;
        }

        return today.Year;
    }
}
