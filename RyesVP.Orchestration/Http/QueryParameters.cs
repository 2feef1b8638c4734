using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace RyesVP.Orchestration.Http;

/// <summary>Reads query parameters strictly; every bad value is named in a 400, never passed on as NaN.</summary>
public sealed class QueryParameters(IQueryCollection query)
{
    private readonly List<string> errors = [];

    public IReadOnlyList<string> Errors => errors;

    public int? Number(string name, int min, int max)
    {
        if (Raw(name) is not { } raw)
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add($"{name} must be a whole number from {min} to {max} (got '{Trunc(raw)}')");
            return null;
        }

        return value;
    }

    public bool Flag(string name)
    {
        if (Raw(name) is not { } raw)
        {
            return false;
        }

        switch (raw.ToLowerInvariant())
        {
            case "" or "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                errors.Add($"{name} must be true or false (got '{Trunc(raw)}')");
                return false;
        }
    }

    public string? OneOf(string name, IReadOnlyCollection<string> allowed)
    {
        if (Raw(name) is not { } raw)
        {
            return null;
        }

        if (!allowed.Contains(raw))
        {
            errors.Add($"{name} must be one of {string.Join(", ", allowed)} (got '{Trunc(raw)}')");
            return null;
        }

        return raw;
    }

    public DateTime? Date(string name)
    {
        if (Raw(name) is not { } raw)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            errors.Add($"{name} must be an ISO-8601 date or time (got '{Trunc(raw)}')");
            return null;
        }

        return value.UtcDateTime;
    }

    public void Reject(string name, string why)
    {
        if (query.ContainsKey(name))
        {
            errors.Add($"{name} {why}");
        }
    }

    private string? Raw(string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            errors.Add($"{name} is given more than once");
            return null;
        }

        return values[0]?.Trim() ?? string.Empty;
    }

    private static string Trunc(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
