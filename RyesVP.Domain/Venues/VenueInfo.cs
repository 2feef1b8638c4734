namespace RyesVP.Domain.Venues;

/// <summary>A venue as seeded: the web app's columns plus the pipeline's own facts (listing URL, Ticketmaster id).</summary>
public sealed record VenueInfo(
    string Slug,
    string Name,
    string City,
    double Lat,
    double Lng,
    string WebsiteUrl,
    string Address,
    string? ListingUrl,
    string? TicketmasterVenueId,
    bool RendersWithJavaScript = false);
