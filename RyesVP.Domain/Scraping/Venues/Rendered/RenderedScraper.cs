using System.Globalization;
using RyesVP.Domain.Scraping.Rendering;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping.Venues.Rendered;

/// <summary>A venue whose listing exists only after its JavaScript ran: render (or replay) the page, then a pure parse.</summary>
public abstract class RenderedScraper(RenderingClient renderer) : IVenueScraper
{
    public abstract string Slug { get; }

    protected RenderingClient Renderer => renderer;

    /// <summary>How the site is loaded: its scroll / load-more / month behaviour and the maxima.</summary>
    public abstract RenderPlan Plan { get; }

    public virtual async Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct) =>
        Parse(await renderer.RenderAsync(Plan, ct), now);

    /// <summary>Pure: the rendered HTML (one snapshot per page or month) to events.</summary>
    public abstract ParseResult Parse(IReadOnlyList<string> pages, DateTimeOffset now);
}

internal static class RenderedDates
{
    /// <summary>A month/day (year inferred the web app's way, Austin today) at the given Austin time; null and a problem when impossible.</summary>
    public static DateTime? At(int? month, int day, int? year, (int Hour, int Minute) time, DateTimeOffset now, string title, string shown, List<string> problems)
    {
        if (month is not { } m || day < 1 || day > 31)
        {
            problems.Add($"Unparseable date '{shown}' for '{title}'");
            return null;
        }

        var y = year ?? AustinTime.InferYear(m, day, now);
        if (day > DateTime.DaysInMonth(y, m))
        {
            problems.Add($"Unparseable date '{shown}' for '{title}'");
            return null;
        }

        return AustinTime.ToUtc(y, m, day, time.Hour, time.Minute);
    }

    /// <summary>Austin midnight today: the one "skip past events" cut-off for every venue.</summary>
    public static DateTime Cutoff(DateTimeOffset now) => AustinTime.StartOfDayUtc(AustinTime.Today(now));

    public static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
