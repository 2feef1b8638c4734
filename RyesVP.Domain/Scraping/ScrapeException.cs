using System.Net;

namespace RyesVP.Domain.Scraping;

/// <summary>A venue page that could not be fetched or read at all; the venue is marked failed and keeps its events.</summary>
public sealed class ScrapeException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>The site answered with an error that may clear up (5xx, 408, 429).</summary>
    public bool IsTransient => Status is { } s && ((int)s >= 500 || s == HttpStatusCode.RequestTimeout || s == HttpStatusCode.TooManyRequests);
}
