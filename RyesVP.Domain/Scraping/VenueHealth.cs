using RyesVP.Domain.Events;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Scraping;

/// <summary>
/// How healthy a venue's scrape looks (existing-app §7.6): the count against the previous run, the share with an
/// image and with a sourceEventId, events at exactly local midnight (a lost time), and events two or more years
/// ahead (the year-inference bug). Anything odd becomes a warning, never a silent success.
/// </summary>
public sealed record VenueHealth(int? PreviousEvents, double WithImage, double WithSourceEventId, int AtMidnight, int TwoYearsAhead, IReadOnlyList<string> Warnings)
{
    public static VenueHealth Of(IReadOnlyList<ScrapedEvent> events, int? previous, DateTimeOffset now)
    {
        var count = events.Count;
        var image = count == 0 ? 0 : Math.Round((double)events.Count(e => e.ImageUrl is not null) / count, 3);
        var ids = count == 0 ? 0 : Math.Round((double)events.Count(e => e.SourceEventId is not null) / count, 3);
        var midnight = events.Count(e => AustinTime.ToLocal(e.StartDateTime).TimeOfDay == TimeSpan.Zero);
        var thisYear = AustinTime.Today(now).Year;
        var far = events.Count(e => AustinTime.LocalDate(e.StartDateTime).Year >= thisYear + 2);
        var warnings = new List<string>();
        if (previous is { } p && p > 5 && count == 0)
        {
            warnings.Add($"0 events (the previous run found {p})");
        }
        else if (previous is { } q && q > 0 && count < q / 2.0)
        {
            warnings.Add($"{count} events, less than half of the previous run's {q}");
        }

        if (midnight > 0)
        {
            warnings.Add($"{midnight} event(s) at exactly midnight Austin time (a time may have been lost)");
        }

        if (far > 0)
        {
            warnings.Add($"{far} event(s) in {thisYear + 2} or later (year inference?)");
        }

        if (count >= 5 && image < 0.5)
        {
            warnings.Add($"only {image:P0} of events have an image");
        }

        if (count >= 5 && ids < 0.5)
        {
            warnings.Add($"only {ids:P0} of events have a sourceEventId");
        }

        return new VenueHealth(previous, image, ids, midnight, far, warnings);
    }
}
