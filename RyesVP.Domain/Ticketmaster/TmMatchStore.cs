using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using RyesVP.Domain.Database;
using NpgsqlTypes;

namespace RyesVP.Domain.Ticketmaster;

/// <summary>A stored LLM answer for one exact question.</summary>
public sealed record TmStoredPick(string EventId, string QuestionKey, string? TmEventId, string Confidence, bool PreferTitle, string Reason);

/// <summary>What one batch writes: matches, cleared stale matches, checked-only events and new LLM answers.</summary>
public sealed record TmMatchWrites(
    IReadOnlyList<TmDecision> Matches,
    IReadOnlyList<string> Cleared,
    IReadOnlyList<string> CheckedOnly,
    IReadOnlyList<TmStoredPick> Picks);

/// <summary>
/// The database side of tm-match, in a fixed number of round trips per batch (counted in <see cref="RoundTrips"/>):
/// one read of the events, one of their candidates and stored answers, one batched write.
/// </summary>
public sealed class TmMatchStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private long roundTrips;

    public long RoundTrips => Interlocked.Read(ref roundTrips);

    // Upcoming (from Austin midnight) events with an Enrichment row whose match may have changed: never checked, or
    // their venue's cache refreshed since the last check. force: all of them.
    private const string SelectSql = """
        SELECT e."id"
        FROM "Event" e
        JOIN "Venue" v ON v."id" = e."venueId"
        JOIN "Enrichment" en ON en."eventId" = e."id"
        WHERE e."startDateTime" >= @from
          AND (@force OR en."tmLastChecked" IS NULL
               OR en."tmLastChecked" < (SELECT max(c."fetchedAt") FROM "TMEventCache" c WHERE c."venueSlug" = v."slug"))
        ORDER BY e."startDateTime", e."id"
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<string>> SelectAsync(DateTime fromUtc, bool force, int? limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        Interlocked.Increment(ref roundTrips);
        return (await connection.QueryAsync<string>(new CommandDefinition(SelectSql, new
        {
            from = DbTime.Millis(fromUtc),
            force,
            limit = (long?)limit ?? long.MaxValue,
        }, cancellationToken: ct))).ToList();
    }

    private const string EventsSql = """
        SELECT e."id" AS EventId, e."title" AS Title, v."slug" AS VenueSlug, v."name" AS VenueName, e."startDateTime" AS StartUtc,
               en."tmEventId" AS PreviousTmEventId, en."tmEventName" AS PreviousTmEventName,
               en."tmMatchConfidence" AS PreviousConfidence, en."tmPreferTitle" AS PreviousPreferTitle
        FROM "Event" e
        JOIN "Venue" v ON v."id" = e."venueId"
        JOIN "Enrichment" en ON en."eventId" = e."id"
        WHERE e."id" = ANY(@ids)
        ORDER BY e."startDateTime", e."id";
        SELECT c."id" AS Id, c."name" AS Name, c."startDateTime" AS StartUtc, c."venueSlug" AS VenueSlug, c."localDate" AS LocalDate
        FROM "TMEventCache" c
        JOIN (SELECT DISTINCT v."slug" AS slug,
                     to_char((e."startDateTime" AT TIME ZONE 'UTC') AT TIME ZONE 'America/Chicago', 'YYYY-MM-DD') AS day
              FROM "Event" e JOIN "Venue" v ON v."id" = e."venueId" WHERE e."id" = ANY(@ids)) AS k
          ON c."venueSlug" = k.slug AND c."localDate" = k.day;
        SELECT "eventId" AS EventId, "questionKey" AS QuestionKey, "tmEventId" AS TmEventId, "confidence" AS Confidence,
               "preferTitle" AS PreferTitle, "reason" AS Reason
        FROM "TmMatchDecision" WHERE "eventId" = ANY(@ids);
        """;

    private sealed record CandidateRow(string Id, string Name, DateTime StartUtc, string VenueSlug, string LocalDate);

    /// <summary>The batch's events, their candidates keyed by (venue, Austin date) and stored LLM answers, in one round trip.</summary>
    public async Task<(IReadOnlyList<TmMatchEvent> Events, ILookup<(string Venue, string Date), TmCandidate> Candidates, IReadOnlyDictionary<string, TmStoredPick> Picks)>
        LoadBatchAsync(IReadOnlyList<string> eventIds, CancellationToken ct)
    {
        // The candidate query derives its (venue, Austin date) keys from the same id list, so all three reads are one round trip.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        Interlocked.Increment(ref roundTrips);
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(EventsSql, new { ids = eventIds.ToArray() }, cancellationToken: ct));
        var events = (await grid.ReadAsync<TmMatchEvent>()).ToList();
        var candidates = (await grid.ReadAsync<CandidateRow>())
            .ToLookup(c => (c.VenueSlug, c.LocalDate), c => new TmCandidate(c.Id, c.Name, c.StartUtc));
        var picks = (await grid.ReadAsync<TmStoredPick>()).ToDictionary(p => p.EventId, StringComparer.Ordinal);
        return (events, candidates, picks);
    }

    // Matches take every field from the cache row itself: nulls overwrite (no stale presales or links).
    private const string MatchSql = """
        UPDATE "Enrichment" en SET
            "tmEventId" = c."id", "tmEventName" = c."name", "tmUrl" = c."url", "tmOnSaleStart" = c."onSaleStart",
            "tmOnSaleEnd" = c."onSaleEnd", "tmPresales" = c."presales", "tmImageUrl" = c."imageUrl", "tmSeatmapUrl" = c."seatmapUrl",
            "tmAttractionId" = c."attractionId", "tmAttractionName" = c."attractionName", "tmSupportingActs" = COALESCE(c."supportingActs", '{}'),
            "tmExternalLinks" = c."externalLinks", "tmGenre" = c."genre", "tmSubGenre" = c."subGenre", "tmSegment" = c."segment",
            "tmInfo" = c."info", "tmPleaseNote" = c."pleaseNote", "tmTicketLimit" = c."ticketLimit", "tmTimezone" = c."timezone",
            "tmPromoterId" = c."promoterId", "tmPromoterName" = c."promoterName", "tmStatus" = c."status",
            "tmMatchConfidence" = m."confidence", "tmPreferTitle" = m."preferTitle", "tmLastChecked" = @now, "updatedAt" = @now
        FROM jsonb_to_recordset(@matches) AS m("eventId" text, "tmEventId" text, "confidence" double precision, "preferTitle" boolean)
        JOIN "TMEventCache" c ON c."id" = m."tmEventId"
        WHERE en."eventId" = m."eventId"
        """;

    private const string ClearSql = """
        UPDATE "Enrichment" SET
            "tmEventId" = NULL, "tmEventName" = NULL, "tmUrl" = NULL, "tmOnSaleStart" = NULL, "tmOnSaleEnd" = NULL,
            "tmPresales" = NULL, "tmImageUrl" = NULL, "tmSeatmapUrl" = NULL, "tmAttractionId" = NULL, "tmAttractionName" = NULL,
            "tmSupportingActs" = '{}', "tmExternalLinks" = NULL, "tmGenre" = NULL, "tmSubGenre" = NULL, "tmSegment" = NULL,
            "tmInfo" = NULL, "tmPleaseNote" = NULL, "tmTicketLimit" = NULL, "tmTimezone" = NULL, "tmPromoterId" = NULL,
            "tmPromoterName" = NULL, "tmStatus" = NULL, "tmMatchConfidence" = NULL, "tmPreferTitle" = false,
            "tmLastChecked" = @now, "updatedAt" = @now
        WHERE "eventId" = ANY(@ids)
        """;

    private const string CheckedSql = """
        UPDATE "Enrichment" SET "tmLastChecked" = @now WHERE "eventId" = ANY(@ids)
        """;

    private const string PicksSql = """
        INSERT INTO "TmMatchDecision" ("eventId", "questionKey", "tmEventId", "confidence", "preferTitle", "reason", "decidedAt")
        SELECT p."eventId", p."questionKey", p."tmEventId", p."confidence", p."preferTitle", p."reason", @now
        FROM jsonb_to_recordset(@picks) AS p("eventId" text, "questionKey" text, "tmEventId" text, "confidence" text, "preferTitle" boolean, "reason" text)
        ON CONFLICT ("eventId") DO UPDATE SET "questionKey" = EXCLUDED."questionKey", "tmEventId" = EXCLUDED."tmEventId",
            "confidence" = EXCLUDED."confidence", "preferTitle" = EXCLUDED."preferTitle", "reason" = EXCLUDED."reason",
            "decidedAt" = EXCLUDED."decidedAt"
        """;

    /// <summary>Every write of a batch in one round trip.</summary>
    public async Task WriteAsync(TmMatchWrites writes, CancellationToken ct)
    {
        var now = DbTime.Millis(time.GetUtcNow().UtcDateTime);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // A batch runs as one implicit transaction: all of it or none.
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(MatchSql, now, ("matches", NpgsqlDbType.Jsonb, new JsonArray([.. writes.Matches.Select(m => (JsonNode)new JsonObject
        {
            ["eventId"] = m.EventId,
            ["tmEventId"] = m.TmEventId,
            ["confidence"] = Math.Round(m.Confidence, 4),
            ["preferTitle"] = m.PreferTitle,
        })]).ToJsonString())));
        batch.BatchCommands.Add(Command(ClearSql, now, ("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, writes.Cleared.ToArray())));
        batch.BatchCommands.Add(Command(CheckedSql, now, ("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, writes.CheckedOnly.ToArray())));
        batch.BatchCommands.Add(Command(PicksSql, now, ("picks", NpgsqlDbType.Jsonb, new JsonArray([.. writes.Picks.Select(p => (JsonNode)new JsonObject
        {
            ["eventId"] = p.EventId,
            ["questionKey"] = p.QuestionKey,
            ["tmEventId"] = p.TmEventId,
            ["confidence"] = p.Confidence,
            ["preferTitle"] = p.PreferTitle,
            ["reason"] = p.Reason,
        })]).ToJsonString())));
        Interlocked.Increment(ref roundTrips);
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Command(string sql, DateTime now, (string Name, NpgsqlDbType Type, object Value) parameter)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.Timestamp) { Value = now });
        command.Parameters.Add(new NpgsqlParameter(parameter.Name, parameter.Type) { Value = parameter.Value });
        return command;
    }
}
