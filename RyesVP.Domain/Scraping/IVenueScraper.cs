namespace RyesVP.Domain.Scraping;

/// <summary>
/// One venue site. <see cref="ScrapeAsync"/> does the I/O (and paging); each scraper also has a pure
/// static Parse(html, now) that the tests drive with fixture pages.
/// </summary>
public interface IVenueScraper
{
    string Slug { get; }

    Task<ParseResult> ScrapeAsync(DateTimeOffset now, CancellationToken ct);
}
