namespace RyesVP.Domain.Events;

/// <summary>One event as a venue page shows it (the old app's NormalizedEvent). Start and end are UTC instants.</summary>
public sealed record ScrapedEvent(
    string VenueSlug,
    string Title,
    DateTime StartDateTime,
    string? Url,
    string? SourceEventId,
    EventCategory Category = EventCategory.OTHER,
    EventStatus Status = EventStatus.SCHEDULED,
    string? Description = null,
    DateTime? EndDateTime = null,
    string? ImageUrl = null);
