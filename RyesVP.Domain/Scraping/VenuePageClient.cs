using System.Net;

namespace RyesVP.Domain.Scraping;

public sealed record PageResponse(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

/// <summary>Typed client for venue websites (plain HTTP). Resilience and record/replay are configured centrally.</summary>
public sealed class VenuePageClient(HttpClient http)
{
    public const string UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    public async Task<PageResponse> GetAsync(string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return new PageResponse(response.StatusCode, body);
    }

    /// <summary>Fetches a page that must exist; any non-success status fails the venue with the status in the message.</summary>
    public async Task<string> GetRequiredAsync(string url, CancellationToken ct)
    {
        var page = await GetAsync(url, ct);
        if (!page.IsSuccess)
        {
            throw new ScrapeException($"GET {url} answered {(int)page.Status} {page.Status}", page.Status);
        }

        return page.Body;
    }
}
