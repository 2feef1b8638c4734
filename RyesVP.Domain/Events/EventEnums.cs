namespace RyesVP.Domain.Events;

#pragma warning disable CA1707 // SOLD_OUT is the database enum label.
// Names match the web app's Postgres enums exactly ("EventCategory", "EventStatus"); they are written as text and cast.
public enum EventCategory
{
    CONCERT,
    COMEDY,
    THEATER,
    SPORTS,
    FESTIVAL,
    OTHER,
    MOVIE,
}

public enum EventStatus
{
    SCHEDULED,
    CANCELLED,
    POSTPONED,
    SOLD_OUT,
}
#pragma warning restore CA1707

/// <summary>The web app's "EnrichmentStatus" enum.</summary>
public enum EnrichmentStatus
{
    PENDING,
    PROCESSING,
    COMPLETED,
    PARTIAL,
    FAILED,
    SKIPPED,
}
