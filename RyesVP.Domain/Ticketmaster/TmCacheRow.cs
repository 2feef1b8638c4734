using System.Text.Json.Nodes;

namespace RyesVP.Domain.Ticketmaster;

/// <summary>One TMEventCache row (existing-app §1.5).</summary>
public sealed record TmCacheRow
{
    public required string Id { get; init; }
    public required string VenueSlug { get; init; }
    public required string TmVenueId { get; init; }
    public required string Name { get; init; }
    public string? Url { get; init; }
    public required string LocalDate { get; init; }
    public required DateTime StartDateTime { get; init; }
    public DateTime? EndDateTime { get; init; }
    public string? Timezone { get; init; }
    public bool SpanMultipleDays { get; init; }
    public DateTime? OnSaleStart { get; init; }
    public DateTime? OnSaleEnd { get; init; }
    public JsonArray? Presales { get; init; }
    public string? ImageUrl { get; init; }
    public string? SeatmapUrl { get; init; }
    public string? AttractionId { get; init; }
    public string? AttractionName { get; init; }
    public IReadOnlyList<string> SupportingActs { get; init; } = [];
    public JsonObject? ExternalLinks { get; init; }
    public string? Genre { get; init; }
    public string? SubGenre { get; init; }
    public string? Segment { get; init; }
    public string? PromoterId { get; init; }
    public string? PromoterName { get; init; }
    public string? Status { get; init; }
    public string? Info { get; init; }
    public string? PleaseNote { get; init; }
    public int? TicketLimit { get; init; }
}
