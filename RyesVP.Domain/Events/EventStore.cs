using Dapper;
using Npgsql;
using NpgsqlTypes;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Events;

public sealed class EventStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string VenueIdsSql = """
        SELECT "slug" AS Slug, "id" AS Id FROM "Venue" WHERE "slug" = ANY(@slugs)
        """;

    private const string CandidatesSql = """
        SELECT "id" AS Id, "venueId" AS VenueId, "title" AS Title, "startDateTime" AS StartDateTime, "sourceEventId" AS SourceEventId
        FROM "Event"
        WHERE "source" = 'VENUE_WEBSITE'
          AND ("sourceEventId" = ANY(@sourceIds)
               OR ("venueId" = ANY(@venueIds) AND "startDateTime" >= @from AND "startDateTime" < @to))
        """;

    // One statement for the whole venue. Existing rows keep their category unless it is still OTHER (an LLM or
    // operator choice wins over a scraper's guess), and keep an image/description/link the page stopped showing.
    // Rows whose values did not change are not touched, so a re-run reports them as unchanged.
    private const string UpsertSql = """
        INSERT INTO "Event" AS e ("id", "venueId", "title", "description", "startDateTime", "endDateTime", "url", "imageUrl",
                                  "source", "sourceEventId", "status", "category", "createdAt", "updatedAt")
        SELECT v.id, v.venue_id, v.title, v.description, v.start_at, v.end_at, v.url, v.image_url,
               'VENUE_WEBSITE', v.source_event_id, v.status::"EventStatus", v.category::"EventCategory", @now, @now
        FROM unnest(@ids, @venueIds, @titles, @descriptions, @starts, @ends, @urls, @images, @sourceIds, @statuses, @categories)
             AS v(id, venue_id, title, description, start_at, end_at, url, image_url, source_event_id, status, category)
        ON CONFLICT ("id") DO UPDATE SET
            "title" = EXCLUDED."title",
            "description" = COALESCE(EXCLUDED."description", e."description"),
            "startDateTime" = EXCLUDED."startDateTime",
            "endDateTime" = COALESCE(EXCLUDED."endDateTime", e."endDateTime"),
            "url" = COALESCE(EXCLUDED."url", e."url"),
            "imageUrl" = COALESCE(EXCLUDED."imageUrl", e."imageUrl"),
            "sourceEventId" = COALESCE(EXCLUDED."sourceEventId", e."sourceEventId"),
            "status" = EXCLUDED."status",
            "category" = CASE WHEN e."category" = 'OTHER' THEN EXCLUDED."category" ELSE e."category" END,
            "updatedAt" = EXCLUDED."updatedAt"
        WHERE (e."title", e."description", e."startDateTime", e."endDateTime", e."url", e."imageUrl", e."sourceEventId", e."status", e."category")
              IS DISTINCT FROM
              (EXCLUDED."title", COALESCE(EXCLUDED."description", e."description"), EXCLUDED."startDateTime",
               COALESCE(EXCLUDED."endDateTime", e."endDateTime"), COALESCE(EXCLUDED."url", e."url"),
               COALESCE(EXCLUDED."imageUrl", e."imageUrl"), COALESCE(EXCLUDED."sourceEventId", e."sourceEventId"),
               EXCLUDED."status", CASE WHEN e."category" = 'OTHER' THEN EXCLUDED."category" ELSE e."category" END)
        RETURNING (xmax = 0) AS inserted
        """;

    /// <summary>Upserts one venue's scraped events in one transaction and one write statement. Nothing is deleted.</summary>
    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<ScrapedEvent> events, CancellationToken ct)
    {
        var errors = new List<string>();
        if (events.Count == 0)
        {
            return new UpsertResult(0, 0, 0, errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        var venueIds = (await connection.QueryAsync<(string Slug, string Id)>(new CommandDefinition(
                VenueIdsSql, new { slugs = events.Select(e => e.VenueSlug).Distinct().ToArray() }, tx, cancellationToken: ct)))
            .ToDictionary(r => r.Slug, r => r.Id);

        var incoming = new List<EventMatcher.Incoming>();
        var seenSourceIds = new HashSet<string>();
        var seenKeys = new HashSet<(string, string, DateTime)>();
        foreach (var e in events)
        {
            if (!venueIds.TryGetValue(e.VenueSlug, out var venueId))
            {
                errors.Add($"Venue not found: {e.VenueSlug} (event: {e.Title})");
                continue;
            }

            // A page listing the same show twice must not make one statement touch one row twice.
            if (e.SourceEventId is not null ? !seenSourceIds.Add(e.SourceEventId) : !seenKeys.Add((venueId, TitleNormalizer.Normalize(e.Title), e.StartDateTime)))
            {
                continue;
            }

            incoming.Add(new EventMatcher.Incoming(Normalise(e), venueId));
        }

        if (incoming.Count == 0)
        {
            await tx.CommitAsync(ct);
            return new UpsertResult(0, 0, 0, errors);
        }

        var days = incoming.Select(i => AustinTime.LocalDate(i.Event.StartDateTime)).ToList();
        var stored = (await connection.QueryAsync<EventMatcher.StoredEvent>(new CommandDefinition(CandidatesSql, new
        {
            sourceIds = incoming.Select(i => i.Event.SourceEventId).Where(s => s is not null).ToArray(),
            venueIds = incoming.Select(i => i.VenueId).Distinct().ToArray(),
            from = Db(AustinTime.StartOfDayUtc(days.Min())),
            to = Db(AustinTime.StartOfDayUtc(days.Max().AddDays(1))),
        }, tx, cancellationToken: ct))).ToList();

        var matched = EventMatcher.Match(incoming, stored);

        await using var cmd = new NpgsqlCommand(UpsertSql, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.Timestamp) { Value = Db(time.GetUtcNow().UtcDateTime) });
        AddArray(cmd, "ids", NpgsqlDbType.Text, matched.Select(m => m.ExistingId ?? Guid.NewGuid().ToString()));
        AddArray(cmd, "venueIds", NpgsqlDbType.Text, matched.Select(m => m.Incoming.VenueId));
        AddArray(cmd, "titles", NpgsqlDbType.Text, matched.Select(m => m.Incoming.Event.Title));
        AddArray(cmd, "descriptions", NpgsqlDbType.Text, matched.Select(m => m.Incoming.Event.Description));
        AddArray(cmd, "starts", NpgsqlDbType.Timestamp, matched.Select(m => Db(m.Incoming.Event.StartDateTime)));
        AddArray(cmd, "ends", NpgsqlDbType.Timestamp, matched.Select(m => m.Incoming.Event.EndDateTime is { } end ? Db(end) : (DateTime?)null));
        AddArray(cmd, "urls", NpgsqlDbType.Text, matched.Select(m => m.Incoming.Event.Url));
        AddArray(cmd, "images", NpgsqlDbType.Text, matched.Select(m => m.Incoming.Event.ImageUrl));
        AddArray(cmd, "sourceIds", NpgsqlDbType.Text, matched.Select(m => m.Incoming.Event.SourceEventId));
        AddArray(cmd, "statuses", NpgsqlDbType.Text, matched.Select(m => m.Incoming.Event.Status.ToString()));
        AddArray(cmd, "categories", NpgsqlDbType.Text, matched.Select(m => m.Incoming.Event.Category.ToString()));

        int created = 0, updated = 0;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetBoolean(0))
                {
                    created++;
                }
                else
                {
                    updated++;
                }
            }
        }

        await tx.CommitAsync(ct);
        return new UpsertResult(created, updated, matched.Count - created - updated, errors);
    }

    /// <summary>
    /// Baseline for the benchmark, in the old app's shape (existing-app §3.2): per event a venue lookup, the
    /// (source, sourceEventId) lookup, the title+day lookup when that found nothing, then one insert or update,
    /// each its own statement and transaction. Not used by the pipeline.
    /// </summary>
    public async Task<int> UpsertOneByOneAsync(IReadOnlyList<ScrapedEvent> events, CancellationToken ct)
    {
        const string venue = """SELECT "id" FROM "Venue" WHERE "slug" = @slug""";
        const string bySourceId = """SELECT "id" FROM "Event" WHERE "source" = 'VENUE_WEBSITE' AND "sourceEventId" = @sid""";
        const string byDay = """
            SELECT "id", "title" FROM "Event"
            WHERE "venueId" = @venueId AND "source" = 'VENUE_WEBSITE' AND "startDateTime" >= @from AND "startDateTime" < @to
            """;
        const string insert = """
            INSERT INTO "Event" ("id", "venueId", "title", "description", "startDateTime", "url", "imageUrl", "source", "sourceEventId", "status", "category", "updatedAt")
            VALUES (@id, @venueId, @title, @description, @start, @url, @image, 'VENUE_WEBSITE', @sid, 'SCHEDULED', @category::"EventCategory", @now)
            """;
        const string update = """
            UPDATE "Event" SET "title" = @title, "description" = @description, "startDateTime" = @start, "url" = @url, "imageUrl" = @image,
                               "sourceEventId" = @sid, "status" = 'SCHEDULED', "updatedAt" = @now
            WHERE "id" = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var now = Db(time.GetUtcNow().UtcDateTime);
        var written = 0;
        foreach (var e in events)
        {
            var venueId = await connection.ExecuteScalarAsync<string>(new CommandDefinition(venue, new { slug = e.VenueSlug }, cancellationToken: ct));
            var id = e.SourceEventId is null ? null
                : await connection.ExecuteScalarAsync<string?>(new CommandDefinition(bySourceId, new { sid = e.SourceEventId }, cancellationToken: ct));
            if (id is null)
            {
                var day = AustinTime.LocalDate(e.StartDateTime);
                var sameDay = await connection.QueryAsync<(string Id, string Title)>(new CommandDefinition(byDay, new
                {
                    venueId,
                    from = Db(AustinTime.StartOfDayUtc(day)),
                    to = Db(AustinTime.StartOfDayUtc(day.AddDays(1))),
                }, cancellationToken: ct));
                id = sameDay.FirstOrDefault(r => TitleNormalizer.Normalize(r.Title) == TitleNormalizer.Normalize(e.Title)).Id;
            }

            var args = new
            {
                id = id ?? Guid.NewGuid().ToString(),
                venueId,
                title = e.Title,
                description = e.Description,
                start = Db(e.StartDateTime),
                url = e.Url,
                image = e.ImageUrl,
                sid = e.SourceEventId,
                category = e.Category.ToString(),
                now,
            };
            written += await connection.ExecuteAsync(new CommandDefinition(id is null ? insert : update, args, cancellationToken: ct));
        }

        return written;
    }

    private static ScrapedEvent Normalise(ScrapedEvent e) => e with
    {
        Title = e.Title.Trim(),
        StartDateTime = Millis(e.StartDateTime),
        EndDateTime = e.EndDateTime is { } end ? Millis(end) : null,
        SourceEventId = string.IsNullOrWhiteSpace(e.SourceEventId) ? null : e.SourceEventId,
        Description = string.IsNullOrWhiteSpace(e.Description) ? null : e.Description,
        ImageUrl = string.IsNullOrWhiteSpace(e.ImageUrl) ? null : e.ImageUrl,
        Url = string.IsNullOrWhiteSpace(e.Url) ? null : e.Url,
    };

    // TIMESTAMP(3) holds UTC wall-clock values at millisecond precision (Prisma's convention).
    private static DateTime Millis(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    internal static DateTime Db(DateTime utc) => DateTime.SpecifyKind(Millis(utc), DateTimeKind.Unspecified);

    private static void AddArray<T>(NpgsqlCommand cmd, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });
}
