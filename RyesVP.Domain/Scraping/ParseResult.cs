using RyesVP.Domain.Events;

namespace RyesVP.Domain.Scraping;

/// <summary>What a venue page yielded: its events, and the items that could not be read (reported, never guessed).</summary>
public sealed record ParseResult(IReadOnlyList<ScrapedEvent> Events, IReadOnlyList<string> Problems)
{
    public static ParseResult Combine(IEnumerable<ParseResult> pages)
    {
        var list = pages.ToList();
        return new ParseResult(list.SelectMany(p => p.Events).ToList(), list.SelectMany(p => p.Problems).ToList());
    }
}
