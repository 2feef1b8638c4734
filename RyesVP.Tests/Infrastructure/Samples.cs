namespace RyesVP.Tests.Infrastructure;

public static class Samples
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Venue(string file) => File.ReadAllText(Path.Combine(Directory, "venues", file));

    public static string Fixture(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scraping", "Fixtures", file));

    /// <summary>08:00 UTC on 4 December 2026: when the daily timer fires (02:00 in Austin).</summary>
    public static readonly DateTimeOffset JobRun = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
}
