using RyesVP.Domain.Events;

namespace RyesVP.Domain.Scraping;

internal static class Text
{
    public static bool HasAny(string? text, params string[] words) =>
        text is not null && words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>A listing that says the show is off. (The web app lists only SCHEDULED, so SOLD_OUT is never set here.)</summary>
    public static EventStatus StatusFrom(params string?[] texts)
    {
        foreach (var t in texts)
        {
            if (HasAny(t, "cancelled", "canceled"))
            {
                return EventStatus.CANCELLED;
            }

            if (HasAny(t, "postponed"))
            {
                return EventStatus.POSTPONED;
            }
        }

        return EventStatus.SCHEDULED;
    }

    public static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
