using System.Globalization;
using System.Text.RegularExpressions;

namespace RyesVP.Domain.Time;

/// <summary>Parsing of the date and time fragments venue pages show. Unknown months are errors, never January.</summary>
public static partial class DateText
{
    private static readonly string[] FullMonths =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>1-based month from a full name or a 3-letter abbreviation ("Sept" accepted); null when unknown.</summary>
    public static int? Month(string text, bool allowAbbreviation = true)
    {
        var t = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (t.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < FullMonths.Length; i++)
        {
            if (FullMonths[i] == t)
            {
                return i + 1;
            }
        }

        if (!allowAbbreviation || t.Length < 3)
        {
            return null;
        }

        if (t == "sept")
        {
            return 9;
        }

        for (var i = 0; i < FullMonths.Length; i++)
        {
            if (t.Length == 3 && FullMonths[i].StartsWith(t, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>The first "H:MM am/pm" or "H am/pm" in the text as 24-hour (hour, minute); null when none.</summary>
    public static (int Hour, int Minute)? Time(string? text, bool requireMeridiem = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var m = TimeRegex().Match(text);
        while (m.Success)
        {
            var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = m.Groups["ap"].Success ? m.Groups["ap"].Value.ToLowerInvariant() : null;
            if ((meridiem is not null || (!requireMeridiem && m.Groups["m"].Success)) && hour <= 23 && minute <= 59)
            {
                return (To24(hour, meridiem), minute);
            }

            m = m.NextMatch();
        }

        return null;
    }

    public static int To24(int hour, string? meridiem)
    {
        if (meridiem is null)
        {
            return hour;
        }

        var pm = meridiem.StartsWith('p');
        if (hour == 12)
        {
            return pm ? 12 : 0;
        }

        return pm ? hour + 12 : hour;
    }

    [GeneratedRegex(@"(?<![\d:])(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ap>[ap]\.?m\.?)?(?![\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();
}
