using RyesVP.Domain.Ticketmaster;

namespace RyesVP.Tests.Ticketmaster;

public sealed class TmSimilarityTests
{
    /// <summary>The reference values of existing-app §5.6, computed there with a faithful port of the web app's function.</summary>
    [Theory]
    [InlineData("Texas MBB", "Texas Longhorns Mens Basketball vs. Texas A&M", 0.5)]
    [InlineData("Texas WBB", "Texas Longhorns Womens Basketball vs. North Carolina", 0.5)]
    [InlineData("Billy Strings", "Billy Strings", 1)]
    [InlineData("Billy Strings", "Billy Strings - Highway Prayers Tour", 0.7)]
    [InlineData("The Weeknd", "Weeknd", 1)]
    [InlineData("Lizzo", "Lizzo: The Special Tour", 0.7)]
    [InlineData("Khruangbin", "Khruangbin with Men I Trust", 0.7)]
    [InlineData("Couch", "Gospel Brunch", 0.3077)]
    public void Calculate_MatchesTheReferenceValues(string ours, string theirs, double expected) =>
        Assert.Equal(expected, TmSimilarity.Calculate(ours, theirs), 4);

    [Fact]
    public void Normalize_UsesAsciiWordCharacters_LikeJavaScript()
    {
        // JavaScript's \w is ASCII: accented letters are dropped, as the web app does.
        Assert.Equal("beyonc", TmSimilarity.Normalize("Beyoncé"));
        Assert.Equal("ac dc", TmSimilarity.Normalize("AC / DC"));
        Assert.Equal("weeknd", TmSimilarity.Normalize("The Weeknd!"));
        Assert.Equal("theatre", TmSimilarity.Normalize("Theatre")); // "the" only as a whole word
    }
}
