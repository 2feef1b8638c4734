using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using RyesVP.Domain.Database;
using NpgsqlTypes;
using RyesVP.Domain.Events;

namespace RyesVP.Domain.Enrichment;

/// <summary>One event to enrich, as the database has it.</summary>
public sealed record EnrichInput(string EventId, string Title, string VenueName, DateTime StartUtc, string? Description, string? Url,
    string Category, string? TmSegment, string? TmGenre, string? TmSubGenre);

/// <summary>What enriching one event produced. <see cref="Reset"/>: not attempted, back to PENDING.</summary>
public sealed record EnrichOutcome(
    string EventId,
    EnrichmentStatus Status,
    string? Error,
    string SearchQuery,
    LlmCategorization? Llm = null,
    KgHit? Kg = null,
    SpotifyArtist? Spotify = null,
    EventCategory? NewCategory = null,
    bool Reset = false);

/// <summary>The Enrichment table for the enrich step: one selection, one read-and-mark and one write per batch.</summary>
public sealed class EnrichStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    // Upcoming from Austin midnight, not cancelled: no row, PENDING, FAILED with retries left, or stuck in PROCESSING.
    private const string SelectSql = """
        SELECT e."id"
        FROM "Event" e
        LEFT JOIN "Enrichment" en ON en."eventId" = e."id"
        WHERE e."startDateTime" >= @from AND e."status" <> 'CANCELLED'
          AND (@force OR en."id" IS NULL OR en."status" = 'PENDING'
               OR (en."status" = 'FAILED' AND en."retryCount" < @maxRetries)
               OR (en."status" = 'PROCESSING' AND en."updatedAt" < @stuckBefore))
        ORDER BY e."startDateTime", e."id"
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<string>> SelectAsync(DateTime fromUtc, DateTime stuckBeforeUtc, int maxRetries, bool force, int? limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(SelectSql, new
        {
            from = DbTime.Millis(fromUtc),
            stuckBefore = DbTime.Millis(stuckBeforeUtc),
            maxRetries,
            force,
            limit = (long?)limit ?? long.MaxValue,
        }, cancellationToken: ct))).ToList();
    }

    // Marks the batch PROCESSING (creating missing rows) and reads what the LLM needs, in one round trip.
    private const string LoadSql = """
        INSERT INTO "Enrichment" ("id", "eventId", "searchQuery", "status", "createdAt", "updatedAt")
        SELECT gen_random_uuid()::text, e."id", e."title", 'PROCESSING', @now, @now FROM "Event" e WHERE e."id" = ANY(@ids)
        ON CONFLICT ("eventId") DO UPDATE SET "status" = 'PROCESSING', "updatedAt" = @now;
        SELECT e."id" AS EventId, e."title" AS Title, v."name" AS VenueName, e."startDateTime" AS StartUtc, e."description" AS Description,
               e."url" AS Url, e."category"::text AS Category, en."tmSegment" AS TmSegment, en."tmGenre" AS TmGenre, en."tmSubGenre" AS TmSubGenre
        FROM "Event" e JOIN "Venue" v ON v."id" = e."venueId" LEFT JOIN "Enrichment" en ON en."eventId" = e."id"
        WHERE e."id" = ANY(@ids)
        ORDER BY e."startDateTime", e."id";
        """;

    public async Task<IReadOnlyList<EnrichInput>> LoadAndMarkAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(LoadSql, new { ids = ids.ToArray(), now = Now() }, cancellationToken: ct));
        return (await grid.ReadAsync<EnrichInput>()).ToList();
    }

    // Success: every llm/kg/spotify column from this run (a lookup without a hit clears the old one). Ticketmaster
    // columns are never touched. kgTypes and spotifyGenres are '{}' when absent, as Prisma writes them.
    private const string SaveSql = """
        UPDATE "Enrichment" en SET
            "status" = r."status"::"EnrichmentStatus", "errorMessage" = r."errorMessage", "searchQuery" = r."searchQuery",
            "llmCategory" = r."llmCategory"::"EventCategory", "llmPerformer" = r."llmPerformer", "llmDescription" = r."llmDescription",
            "llmConfidence" = r."llmConfidence", "inferredCategory" = r."llmCategory"::"EventCategory",
            "categoryUpdated" = en."categoryUpdated" OR r."categoryUpdated",
            "kgEntityId" = r."kgEntityId", "kgName" = r."kgName", "kgDescription" = r."kgDescription", "kgBio" = r."kgBio",
            "kgImageUrl" = r."kgImageUrl", "kgWikiUrl" = r."kgWikiUrl", "kgTypes" = COALESCE(r."kgTypes", '{}'), "kgScore" = r."kgScore",
            "spotifyId" = r."spotifyId", "spotifyName" = r."spotifyName", "spotifyUrl" = r."spotifyUrl", "spotifyImageUrl" = r."spotifyImageUrl",
            "spotifyGenres" = COALESCE(r."spotifyGenres", '{}'), "spotifyPopularity" = r."spotifyPopularity", "updatedAt" = @now
        FROM jsonb_to_recordset(@rows) AS r("eventId" text, "status" text, "errorMessage" text, "searchQuery" text, "llmCategory" text,
            "llmPerformer" text, "llmDescription" text, "llmConfidence" text, "categoryUpdated" boolean, "kgEntityId" text, "kgName" text,
            "kgDescription" text, "kgBio" text, "kgImageUrl" text, "kgWikiUrl" text, "kgTypes" text[], "kgScore" double precision,
            "spotifyId" text, "spotifyName" text, "spotifyUrl" text, "spotifyImageUrl" text, "spotifyGenres" text[], "spotifyPopularity" integer)
        WHERE en."eventId" = r."eventId"
        """;

    // Failure keeps what an earlier run found; every failure counts towards the retry limit.
    private const string FailSql = """
        UPDATE "Enrichment" en SET "status" = 'FAILED', "errorMessage" = r."errorMessage", "retryCount" = en."retryCount" + 1, "updatedAt" = @now
        FROM jsonb_to_recordset(@rows) AS r("eventId" text, "errorMessage" text)
        WHERE en."eventId" = r."eventId"
        """;

    private const string ResetSql = """
        UPDATE "Enrichment" SET "status" = 'PENDING', "updatedAt" = @now WHERE "eventId" = ANY(@ids)
        """;

    private const string CategorySql = """
        UPDATE "Event" e SET "category" = r."category"::"EventCategory", "updatedAt" = @now
        FROM jsonb_to_recordset(@rows) AS r("eventId" text, "category" text)
        WHERE e."id" = r."eventId"
        """;

    /// <summary>Every write of a batch in one round trip (one implicit transaction).</summary>
    public async Task SaveAsync(IReadOnlyList<EnrichOutcome> outcomes, CancellationToken ct)
    {
        var now = Now();
        var saved = new JsonArray();
        var failed = new JsonArray();
        var categories = new JsonArray();
        foreach (var o in outcomes.Where(o => !o.Reset))
        {
            if (o.Status == EnrichmentStatus.FAILED)
            {
                failed.Add(new JsonObject { ["eventId"] = o.EventId, ["errorMessage"] = o.Error });
                continue;
            }

            saved.Add(new JsonObject
            {
                ["eventId"] = o.EventId,
                ["status"] = o.Status.ToString(),
                ["errorMessage"] = o.Error,
                ["searchQuery"] = o.SearchQuery,
                ["llmCategory"] = o.Llm?.Category.ToString(),
                ["llmPerformer"] = o.Llm?.Performer,
                ["llmDescription"] = o.Llm?.Description,
                ["llmConfidence"] = o.Llm?.Confidence,
                ["categoryUpdated"] = o.NewCategory is not null,
                ["kgEntityId"] = o.Kg?.EntityId,
                ["kgName"] = o.Kg?.Name,
                ["kgDescription"] = o.Kg?.Description,
                ["kgBio"] = o.Kg?.Bio,
                ["kgImageUrl"] = o.Kg?.ImageUrl,
                ["kgWikiUrl"] = o.Kg?.WikiUrl,
                ["kgTypes"] = o.Kg is null ? null : new JsonArray([.. o.Kg.Types.Select(t => (JsonNode?)JsonValue.Create(t))]),
                ["kgScore"] = o.Kg?.Score,
                ["spotifyId"] = o.Spotify?.Id,
                ["spotifyName"] = o.Spotify?.Name,
                ["spotifyUrl"] = o.Spotify?.Url,
                ["spotifyImageUrl"] = o.Spotify?.ImageUrl,
                ["spotifyGenres"] = o.Spotify is null ? null : new JsonArray([.. o.Spotify.Genres.Select(g => (JsonNode?)JsonValue.Create(g))]),
                ["spotifyPopularity"] = o.Spotify?.Popularity,
            });
            if (o.NewCategory is { } category)
            {
                categories.Add(new JsonObject { ["eventId"] = o.EventId, ["category"] = category.ToString() });
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(SaveSql, now, "rows", NpgsqlDbType.Jsonb, saved.ToJsonString()));
        batch.BatchCommands.Add(Command(FailSql, now, "rows", NpgsqlDbType.Jsonb, failed.ToJsonString()));
        batch.BatchCommands.Add(Command(ResetSql, now, "ids", NpgsqlDbType.Array | NpgsqlDbType.Text, outcomes.Where(o => o.Reset).Select(o => o.EventId).ToArray()));
        batch.BatchCommands.Add(Command(CategorySql, now, "rows", NpgsqlDbType.Jsonb, categories.ToJsonString()));
        await batch.ExecuteNonQueryAsync(ct);
    }

    private DateTime Now() => DbTime.Millis(time.GetUtcNow().UtcDateTime);

    private static NpgsqlBatchCommand Command(string sql, DateTime now, string name, NpgsqlDbType type, object value)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.Timestamp) { Value = now });
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        return command;
    }
}
