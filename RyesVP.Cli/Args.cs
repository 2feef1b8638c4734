using Microsoft.Extensions.Primitives;

namespace RyesVP.Cli;

/// <summary>Positional words and --options of a command line. "--name value" or "--flag".</summary>
public sealed class Args
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    public Args(IEnumerable<string> argv, IReadOnlySet<string> flags)
    {
        var list = argv.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    options[a[2..eq]] = a[(eq + 1)..];
                }
                else if (flags.Contains(a[2..]) || i + 1 >= list.Count || list[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    options[a[2..]] = null;
                }
                else
                {
                    options[a[2..]] = list[++i];
                }
            }
            else
            {
                Positional.Add(a);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string name) => options.ContainsKey(name);

    public string? Value(string name) => options.TryGetValue(name, out var v) ? v : null;

    /// <summary>The options as a query string, so the CLI validates parameters exactly as the HTTP API does.</summary>
    public IQueryCollection AsQuery(params string[] names) => new QueryCollection(
        options.Where(o => names.Contains(o.Key)).ToDictionary(o => o.Key, o => new StringValues(o.Value ?? string.Empty)));
}
