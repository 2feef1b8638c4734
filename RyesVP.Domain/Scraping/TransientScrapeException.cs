namespace RyesVP.Domain.Scraping;

/// <summary>A failure worth retrying later (site down, timeout, database blip). Thrown so the durable retry applies.</summary>
public sealed class TransientScrapeException(string message, Exception? inner = null) : Exception(message, inner);
