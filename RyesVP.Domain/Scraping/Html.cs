using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace RyesVP.Domain.Scraping;

public static partial class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static string Text(this IElement? element) =>
        element is null ? string.Empty : Collapse(element.TextContent);

    public static string Collapse(string? text) =>
        text is null ? string.Empty : Whitespace().Replace(text, " ").Trim();

    /// <summary>Text of an HTML fragment (JSON-LD descriptions carry markup).</summary>
    public static string StripTags(string? html) =>
        string.IsNullOrWhiteSpace(html) ? string.Empty : Collapse(Parser.ParseDocument("<body>" + html + "</body>").Body?.TextContent);

    public static string? Absolute(string? href, string origin)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (href.StartsWith("//", StringComparison.Ordinal))
        {
            return "https:" + href;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
        {
            return href;
        }

        return origin.TrimEnd('/') + (href.StartsWith('/') ? href : "/" + href);
    }

    /// <summary>The url(...) of a CSS background-image, quotes stripped.</summary>
    public static string? BackgroundImage(string? style)
    {
        if (string.IsNullOrEmpty(style))
        {
            return null;
        }

        var m = BackgroundUrl().Match(style);
        return m.Success ? m.Groups[1].Value.Trim().Trim('\'', '"').Trim() : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"background(?:-image)?\s*:\s*url\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex BackgroundUrl();
}
