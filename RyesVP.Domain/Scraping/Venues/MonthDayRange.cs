using System.Globalization;
using System.Text.RegularExpressions;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues;

/// <summary>
/// "February 21, 2026", "November 21 2025, January 4 2026", "February 27-March 1, 2026", "SEPTEMBER 11-13, 2026",
/// "December 30 - January 2, 2027" (full month names). A range whose end month is before its start month began
/// the year before (the old COTA parser gave the start the end's year).
/// </summary>
internal static partial class MonthDayRange
{
    public static (DateOnly Start, DateOnly End) Parse(string text)
    {
        var t = Html.Collapse(text);
        var comma = t.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && Simple().Match(t[..comma]) is { Success: true, Groups: var g0 } && g0["year"].Success)
        {
            var d = Date(g0["month"].Value, g0["day"].Value, g0["year"].Value, t);
            return (d, d);
        }

        var r = Range().Match(t);
        if (r.Success)
        {
            var year = int.Parse(r.Groups["year"].Value, CultureInfo.InvariantCulture);
            var startMonth = Month(r.Groups["m1"].Value, t);
            var endMonth = r.Groups["m2"].Success ? Month(r.Groups["m2"].Value, t) : startMonth;
            var endDay = r.Groups["d2"].Success ? r.Groups["d2"].Value : r.Groups["d1"].Value;
            var startYear = endMonth < startMonth ? year - 1 : year;
            return (Date(startMonth, r.Groups["d1"].Value, startYear, t), Date(endMonth, endDay, year, t));
        }

        var s = Simple().Match(t);
        if (s.Success && s.Groups["year"].Success)
        {
            var d = Date(s.Groups["month"].Value, s.Groups["day"].Value, s.Groups["year"].Value, t);
            return (d, d);
        }

        throw new DateParseException($"Unparseable date '{t}'");
    }

    private static int Month(string name, string text) =>
        DateText.Month(name, allowAbbreviation: false) ?? throw new DateParseException($"Unknown month '{name}' in '{text}'");

    private static DateOnly Date(string month, string day, string year, string text) =>
        Date(Month(month, text), day, int.Parse(year, CultureInfo.InvariantCulture), text);

    private static DateOnly Date(int month, string day, int year, string text)
    {
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (d < 1 || d > DateTime.DaysInMonth(year, month))
        {
            throw new DateParseException($"Unparseable date '{text}'");
        }

        return new DateOnly(year, month, d);
    }

    [GeneratedRegex(@"^\s*(?<month>[A-Za-z]+)\s+(?<day>\d{1,2})(?:,?\s*(?<year>\d{4}))?\s*$")]
    private static partial Regex Simple();

    [GeneratedRegex(@"^\s*(?<m1>[A-Za-z]+)\s+(?<d1>\d{1,2})\s*[-–]\s*(?:(?<m2>[A-Za-z]+)\s*)?(?<d2>\d{1,2})?,?\s*(?<year>\d{4})\s*$")]
    private static partial Regex Range();
}
