using Dapper;
using Npgsql;

namespace RyesVP.Domain.Venues;

public sealed class VenueStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    // Insert missing venues; on an existing row only fill what is empty, so the web app's edits survive.
    private const string SeedSql = """
        INSERT INTO "Venue" ("id", "name", "slug", "websiteUrl", "address", "city", "state", "lat", "lng", "createdAt", "updatedAt")
        SELECT v.id, v.name, v.slug, v.website, v.address, v.city, 'TX', v.lat, v.lng, @now, @now
        FROM unnest(@ids, @names, @slugs, @websites, @addresses, @cities, @lats, @lngs)
             AS v(id, name, slug, website, address, city, lat, lng)
        ON CONFLICT ("slug") DO UPDATE SET
            "lat" = COALESCE("Venue"."lat", EXCLUDED."lat"),
            "lng" = COALESCE("Venue"."lng", EXCLUDED."lng"),
            "websiteUrl" = COALESCE("Venue"."websiteUrl", EXCLUDED."websiteUrl"),
            "address" = COALESCE("Venue"."address", EXCLUDED."address"),
            "updatedAt" = EXCLUDED."updatedAt"
        WHERE "Venue"."lat" IS NULL OR "Venue"."lng" IS NULL OR "Venue"."websiteUrl" IS NULL OR "Venue"."address" IS NULL
        RETURNING (xmax = 0) AS inserted
        """;

    public async Task<(int Inserted, int Updated)> SeedAsync(IReadOnlyList<VenueInfo> venues, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var now = DateTime.SpecifyKind(time.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified);
        var rows = await connection.QueryAsync<bool>(new CommandDefinition(SeedSql, new
        {
            now,
            ids = venues.Select(_ => Guid.NewGuid().ToString()).ToArray(),
            names = venues.Select(v => v.Name).ToArray(),
            slugs = venues.Select(v => v.Slug).ToArray(),
            websites = venues.Select(v => v.WebsiteUrl).ToArray(),
            addresses = venues.Select(v => v.Address).ToArray(),
            cities = venues.Select(v => v.City).ToArray(),
            lats = venues.Select(v => v.Lat).ToArray(),
            lngs = venues.Select(v => v.Lng).ToArray(),
        }, cancellationToken: ct));
        var list = rows.ToList();
        return (list.Count(r => r), list.Count(r => !r));
    }
}
