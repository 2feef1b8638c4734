using Dapper;
using Npgsql;
using NpgsqlTypes;
using RyesVP.Domain.Database;

namespace RyesVP.Domain.Weather;

public sealed class WeatherCacheStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public sealed record EventAt(double Lat, double Lng, DateTime StartDateTime);

    private const string TargetsSql = """
        SELECT v."lat" AS Lat, v."lng" AS Lng, e."startDateTime" AS StartDateTime
        FROM "Event" e JOIN "Venue" v ON v."id" = e."venueId"
        WHERE e."startDateTime" >= @from AND e."startDateTime" < @to
          AND e."status" = 'SCHEDULED' AND v."lat" IS NOT NULL AND v."lng" IS NOT NULL
        ORDER BY e."startDateTime"
        """;

    public async Task<IReadOnlyList<EventAt>> EventsBetweenAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<EventAt>(new CommandDefinition(TargetsSql, new
        {
            from = DateTime.SpecifyKind(fromUtc, DateTimeKind.Unspecified),
            to = DateTime.SpecifyKind(toUtc, DateTimeKind.Unspecified),
        }, cancellationToken: ct))).ToList();
    }

    private const string FreshSql = """
        SELECT "lat" AS Lat, "lng" AS Lng, "forecastDate" AS Date FROM "WeatherCache" WHERE "fetchedAt" >= @since
        """;

    public async Task<HashSet<(double Lat, double Lng, string Date)>> FreshSinceAsync(DateTime sinceUtc, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(double Lat, double Lng, string Date)>(new CommandDefinition(
            FreshSql, new { since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Unspecified) }, cancellationToken: ct));
        return rows.ToHashSet();
    }

    // One statement for a location's dates; the unique key is (lat, lng, forecastDate) on rounded doubles.
    private const string UpsertSql = """
        INSERT INTO "WeatherCache" ("id", "lat", "lng", "forecastDate", "tempHigh", "tempLow", "feelsLikeHigh", "feelsLikeLow",
                                    "precipChance", "humidity", "uvIndex", "windSpeed", "condition", "conditionIcon", "fetchedAt")
        SELECT gen_random_uuid()::text, @lat, @lng, d.date, d.hi, d.lo, d.fhi, d.flo, d.precip, d.hum, d.uv, d.wind, d.cond, d.icon, @now
        FROM unnest(@dates, @hi, @lo, @fhi, @flo, @precip, @hum, @uv, @wind, @cond, @icon)
             AS d(date, hi, lo, fhi, flo, precip, hum, uv, wind, cond, icon)
        ON CONFLICT ("lat", "lng", "forecastDate") DO UPDATE SET
            "tempHigh" = EXCLUDED."tempHigh", "tempLow" = EXCLUDED."tempLow", "feelsLikeHigh" = EXCLUDED."feelsLikeHigh",
            "feelsLikeLow" = EXCLUDED."feelsLikeLow", "precipChance" = EXCLUDED."precipChance", "humidity" = EXCLUDED."humidity",
            "uvIndex" = EXCLUDED."uvIndex", "windSpeed" = EXCLUDED."windSpeed", "condition" = EXCLUDED."condition",
            "conditionIcon" = EXCLUDED."conditionIcon", "fetchedAt" = EXCLUDED."fetchedAt"
        """;

    public async Task<int> UpsertAsync(double lat, double lng, IReadOnlyList<ForecastDay> days, CancellationToken ct)
    {
        if (days.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(UpsertSql, connection);
        var now = time.GetUtcNow().UtcDateTime;
        cmd.Parameters.Add(new NpgsqlParameter("lat", NpgsqlDbType.Double) { Value = lat });
        cmd.Parameters.Add(new NpgsqlParameter("lng", NpgsqlDbType.Double) { Value = lng });
        cmd.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.Timestamp) { Value = DbTime.Millis(now) });
        Add(cmd, "dates", NpgsqlDbType.Text, days.Select(d => d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Add(cmd, "hi", NpgsqlDbType.Integer, days.Select(d => d.TempHigh));
        Add(cmd, "lo", NpgsqlDbType.Integer, days.Select(d => d.TempLow));
        Add(cmd, "fhi", NpgsqlDbType.Integer, days.Select(d => d.FeelsLikeHigh));
        Add(cmd, "flo", NpgsqlDbType.Integer, days.Select(d => d.FeelsLikeLow));
        Add(cmd, "precip", NpgsqlDbType.Integer, days.Select(d => d.PrecipChance));
        Add(cmd, "hum", NpgsqlDbType.Integer, days.Select(d => d.Humidity));
        Add(cmd, "uv", NpgsqlDbType.Integer, days.Select(d => d.UvIndex));
        Add(cmd, "wind", NpgsqlDbType.Integer, days.Select(d => d.WindSpeed));
        Add(cmd, "cond", NpgsqlDbType.Text, days.Select(d => d.Condition));
        Add(cmd, "icon", NpgsqlDbType.Text, days.Select(d => d.ConditionIcon));
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Add<T>(NpgsqlCommand cmd, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });
}
