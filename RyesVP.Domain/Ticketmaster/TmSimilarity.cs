using System.Text.RegularExpressions;

namespace RyesVP.Domain.Ticketmaster;

/// <summary>
/// The web app's calculateSimilarity (existing-app §5.6), with JavaScript's ASCII \w and \b, so scores and the
/// 0.85 auto-accept line mean exactly what they meant there.
/// </summary>
public static partial class TmSimilarity
{
    public static double Calculate(string a, string b)
    {
        var s1 = Normalize(a);
        var s2 = Normalize(b);
        if (s1 == s2)
        {
            return 1;
        }

        if (s1.Length == 0 || s2.Length == 0)
        {
            return 0;
        }

        if (s1.Contains(s2, StringComparison.Ordinal) || s2.Contains(s1, StringComparison.Ordinal))
        {
            var shorter = Math.Min(s1.Length, s2.Length);
            var longer = Math.Max(s1.Length, s2.Length);
            return Math.Max((double)shorter / longer, 0.7);
        }

        var words1 = Words(s1);
        var words2 = Words(s2);
        var common = words1.Count(w1 => words2.Any(w2 => w1 == w2 || w1.Contains(w2, StringComparison.Ordinal) || w2.Contains(w1, StringComparison.Ordinal)));
        if (common > 0 && words1.Count > 0)
        {
            var ratio = (double)common / words1.Count;
            if (ratio >= 0.5)
            {
                return Math.Max(0.5, ratio * 0.8);
            }
        }

        return 1 - ((double)Levenshtein(s1, s2) / Math.Max(s1.Length, s2.Length));
    }

    /// <summary>Lowercase; drop non-[\w\s]; collapse whitespace; drop the words the/a/an; trim (inner double spaces stay).</summary>
    public static string Normalize(string text)
    {
        var s = text.ToLowerInvariant();
        s = NotWordOrSpace().Replace(s, string.Empty);
        s = Spaces().Replace(s, " ");
        s = Articles().Replace(s, string.Empty);
        return s.Trim();
    }

    private static List<string> Words(string s) => Spaces().Split(s).Where(w => w.Length > 2).ToList();

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"[^A-Za-z0-9_\s]")]
    private static partial Regex NotWordOrSpace();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // JavaScript \b is an ASCII word boundary.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(the|a|an)(?![A-Za-z0-9_])")]
    private static partial Regex Articles();
}
