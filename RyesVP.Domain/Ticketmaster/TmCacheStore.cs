using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using RyesVP.Domain.Database;
using NpgsqlTypes;

namespace RyesVP.Domain.Ticketmaster;

/// <summary>TMEventCache: a venue's rows are replaced in one transaction, and only after its download completed.</summary>
public sealed class TmCacheStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    internal const string Columns = """
        "id" text, "venueSlug" text, "tmVenueId" text, "name" text, "url" text, "localDate" text,
        "startDateTime" timestamp(3), "endDateTime" timestamp(3), "timezone" text, "spanMultipleDays" boolean,
        "onSaleStart" timestamp(3), "onSaleEnd" timestamp(3), "presales" jsonb, "imageUrl" text, "seatmapUrl" text,
        "attractionId" text, "attractionName" text, "supportingActs" text[], "externalLinks" jsonb, "genre" text,
        "subGenre" text, "segment" text, "promoterId" text, "promoterName" text, "status" text, "info" text,
        "pleaseNote" text, "ticketLimit" integer
        """;

    private const string ColumnNames = """
        "id", "venueSlug", "tmVenueId", "name", "url", "localDate", "startDateTime", "endDateTime", "timezone",
        "spanMultipleDays", "onSaleStart", "onSaleEnd", "presales", "imageUrl", "seatmapUrl", "attractionId",
        "attractionName", "supportingActs", "externalLinks", "genre", "subGenre", "segment", "promoterId", "promoterName",
        "status", "info", "pleaseNote", "ticketLimit"
        """;

    // The same TM event listed under two venues keeps one row (the later download's).
    private const string InsertSql = $"""
        INSERT INTO "TMEventCache" ({ColumnNames}, "fetchedAt")
        SELECT {ColumnNames}, @now FROM jsonb_to_recordset(@rows) AS r({Columns})
        ON CONFLICT ("id") DO UPDATE SET
            "venueSlug" = EXCLUDED."venueSlug", "tmVenueId" = EXCLUDED."tmVenueId", "name" = EXCLUDED."name", "url" = EXCLUDED."url",
            "localDate" = EXCLUDED."localDate", "startDateTime" = EXCLUDED."startDateTime", "endDateTime" = EXCLUDED."endDateTime",
            "timezone" = EXCLUDED."timezone", "spanMultipleDays" = EXCLUDED."spanMultipleDays", "onSaleStart" = EXCLUDED."onSaleStart",
            "onSaleEnd" = EXCLUDED."onSaleEnd", "presales" = EXCLUDED."presales", "imageUrl" = EXCLUDED."imageUrl",
            "seatmapUrl" = EXCLUDED."seatmapUrl", "attractionId" = EXCLUDED."attractionId", "attractionName" = EXCLUDED."attractionName",
            "supportingActs" = EXCLUDED."supportingActs", "externalLinks" = EXCLUDED."externalLinks", "genre" = EXCLUDED."genre",
            "subGenre" = EXCLUDED."subGenre", "segment" = EXCLUDED."segment", "promoterId" = EXCLUDED."promoterId",
            "promoterName" = EXCLUDED."promoterName", "status" = EXCLUDED."status", "info" = EXCLUDED."info",
            "pleaseNote" = EXCLUDED."pleaseNote", "ticketLimit" = EXCLUDED."ticketLimit", "fetchedAt" = EXCLUDED."fetchedAt"
        """;

    /// <summary>Replaces one venue's rows; returns how many it now has.</summary>
    public async Task<int> ReplaceVenueAsync(string venueSlug, IReadOnlyList<TmCacheRow> rows, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var delete = new NpgsqlCommand("""DELETE FROM "TMEventCache" WHERE "venueSlug" = @slug""", connection, tx))
        {
            delete.Parameters.AddWithValue("slug", venueSlug);
            await delete.ExecuteNonQueryAsync(ct);
        }

        if (rows.Count > 0)
        {
            await using var insert = new NpgsqlCommand(InsertSql, connection, tx);
            insert.Parameters.Add(new NpgsqlParameter("rows", NpgsqlDbType.Jsonb) { Value = ToJson(rows) });
            insert.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.Timestamp) { Value = DbTime.Millis(time.GetUtcNow().UtcDateTime) });
            await insert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return rows.Count;
    }

    public async Task<long> CountAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""SELECT count(*) FROM "TMEventCache" """, cancellationToken: ct));
    }

    internal static string ToJson(IReadOnlyList<TmCacheRow> rows)
    {
        var array = new JsonArray();
        foreach (var r in rows)
        {
            array.Add(new JsonObject
            {
                ["id"] = r.Id,
                ["venueSlug"] = r.VenueSlug,
                ["tmVenueId"] = r.TmVenueId,
                ["name"] = r.Name,
                ["url"] = r.Url,
                ["localDate"] = r.LocalDate,
                ["startDateTime"] = DbTime.Iso(r.StartDateTime),
                ["endDateTime"] = DbTime.Iso(r.EndDateTime),
                ["timezone"] = r.Timezone,
                ["spanMultipleDays"] = r.SpanMultipleDays,
                ["onSaleStart"] = DbTime.Iso(r.OnSaleStart),
                ["onSaleEnd"] = DbTime.Iso(r.OnSaleEnd),
                ["presales"] = r.Presales?.DeepClone(),
                ["imageUrl"] = r.ImageUrl,
                ["seatmapUrl"] = r.SeatmapUrl,
                ["attractionId"] = r.AttractionId,
                ["attractionName"] = r.AttractionName,
                ["supportingActs"] = new JsonArray([.. r.SupportingActs.Select(s => (JsonNode?)JsonValue.Create(s))]),
                ["externalLinks"] = r.ExternalLinks?.DeepClone(),
                ["genre"] = r.Genre,
                ["subGenre"] = r.SubGenre,
                ["segment"] = r.Segment,
                ["promoterId"] = r.PromoterId,
                ["promoterName"] = r.PromoterName,
                ["status"] = r.Status,
                ["info"] = r.Info,
                ["pleaseNote"] = r.PleaseNote,
                ["ticketLimit"] = r.TicketLimit,
            });
        }

        return array.ToJsonString(JsonSerializerOptions.Default);
    }
}
