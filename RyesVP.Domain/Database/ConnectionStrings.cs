using Npgsql;

namespace RyesVP.Domain.Database;

/// <summary>
/// DATABASE_URL is shared with the web app, which writes it as a postgres URL
/// (postgresql://user:pass@host:port/db?sslmode=require); operators may also give an Npgsql keyword string.
/// </summary>
public static class ConnectionStrings
{
    public static string ToNpgsql(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var trimmed = value.Trim();
        if (!trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) &&
            !trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new NpgsqlConnectionStringBuilder(trimmed).ConnectionString;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
        {
            // Never echo the value: it carries the password.
            throw new FormatException("DATABASE_URL is not a valid postgres URL.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]).ToLowerInvariant();
            var val = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            switch (key)
            {
                case "sslmode":
                    builder.SslMode = val.ToLowerInvariant() switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw new FormatException($"DATABASE_URL has an unknown sslmode '{val}'."),
                    };
                    break;
                case "schema":
                    builder.SearchPath = val;
                    break;
                case "connection_limit":
                    builder.MaxPoolSize = int.Parse(val, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "pgbouncer":
                    // Transaction-mode poolers (Supabase's) cannot keep prepared statements.
                    if (val.Equals("true", StringComparison.OrdinalIgnoreCase))
                    {
                        builder.MaxAutoPrepare = 0;
                        builder.NoResetOnClose = true;
                    }

                    break;
                default:
                    // Prisma-only options (connect_timeout is the same idea under another name).
                    if (key == "connect_timeout")
                    {
                        builder.Timeout = int.Parse(val, System.Globalization.CultureInfo.InvariantCulture);
                    }

                    break;
            }
        }

        return builder.ConnectionString;
    }
}
