using System.Text.RegularExpressions;

namespace RyesVP.Domain.Events;

/// <summary>
/// The web app's normalizeTitle: lowercase, drop everything but ASCII word characters and whitespace (JavaScript
/// \w), collapse whitespace. "Beyoncé" becomes "beyonc" there, so it must here too or the title+day key misses.
/// </summary>
public static partial class TitleNormalizer
{
    public static string Normalize(string title)
    {
        var lower = title.ToLowerInvariant();
        var kept = NonWord().Replace(lower, string.Empty);
        return Spaces().Replace(kept, " ").Trim();
    }

    [GeneratedRegex(@"[^A-Za-z0-9_\s]", RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
