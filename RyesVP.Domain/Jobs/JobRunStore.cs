using Dapper;
using Npgsql;
using RyesVP.Domain.Database;

namespace RyesVP.Domain.Jobs;

/// <summary>
/// The run log, and the lease that keeps one run of a job at a time: a unique partial index allows one
/// 'running' row per job, so of two starters racing in the same millisecond exactly one insert succeeds.
/// </summary>
public sealed class JobRunStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Columns = """
        "id" AS Id, "job" AS Job, "instanceId" AS InstanceId, "parentInstanceId" AS ParentInstanceId, "trigger" AS Trigger,
        "status" AS Status, "startedAt" AS StartedAt, "finishedAt" AS FinishedAt, "durationMs" AS DurationMs,
        "summary"::text AS Summary, "error" AS Error
        """;

    private const string BeginSql = """
        INSERT INTO "JobRun" ("id", "job", "instanceId", "parentInstanceId", "trigger", "status", "startedAt", "updatedAt")
        VALUES (@id, @job, @instanceId, @parent, @trigger, 'running', @now, @now)
        ON CONFLICT ("job") WHERE "status" = 'running' DO NOTHING
        RETURNING "id"
        """;

    /// <summary>Takes the job's lease. Returns null when another run holds it.</summary>
    public async Task<string?> TryBeginAsync(string job, string instanceId, string? parentInstanceId, string trigger, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(BeginSql, new
        {
            id = Guid.NewGuid().ToString(),
            job,
            instanceId,
            parent = parentInstanceId,
            trigger,
            now = Now(),
        }, cancellationToken: ct));
    }

    private const string RecordSql = """
        INSERT INTO "JobRun" ("id", "job", "instanceId", "parentInstanceId", "trigger", "status", "startedAt", "finishedAt", "durationMs", "summary", "error", "updatedAt")
        VALUES (@id, @job, @instanceId, @parent, @trigger, @status, @now, @now, 0, @summary::jsonb, @error, @now)
        """;

    /// <summary>Records a run that never started (for example a timer fire while the job was running).</summary>
    public async Task RecordFinishedAsync(string job, string instanceId, string? parentInstanceId, string trigger, string status, string? summaryJson, string? error, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(RecordSql, new
        {
            id = Guid.NewGuid().ToString(),
            job,
            instanceId,
            parent = parentInstanceId,
            trigger,
            status,
            summary = summaryJson,
            error,
            now = Now(),
        }, cancellationToken: ct));
    }

    private const string RunningSql = $"""
        SELECT {Columns} FROM "JobRun" WHERE "job" = @job AND "status" = 'running'
        """;

    public async Task<JobRun?> GetRunningAsync(string job, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<JobRun>(new CommandDefinition(RunningSql, new { job }, cancellationToken: ct));
    }

    private const string FinishSql = """
        UPDATE "JobRun"
        SET "status" = @status, "finishedAt" = @now, "summary" = @summary::jsonb, "error" = @error, "updatedAt" = @now,
            "durationMs" = (EXTRACT(EPOCH FROM (@now - "startedAt")) * 1000)::bigint
        WHERE "instanceId" = @instanceId AND "status" = 'running'
        """;

    /// <summary>Ends the run started for <paramref name="instanceId"/> and so releases its lease. Idempotent.</summary>
    public async Task<bool> FinishAsync(string instanceId, string status, string? summaryJson, string? error, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(FinishSql, new
        {
            instanceId,
            status,
            summary = summaryJson,
            error,
            now = Now(),
        }, cancellationToken: ct)) > 0;
    }

    private const string AbandonSql = """
        UPDATE "JobRun"
        SET "status" = 'failed', "finishedAt" = @now, "error" = @reason, "updatedAt" = @now,
            "durationMs" = (EXTRACT(EPOCH FROM (@now - "startedAt")) * 1000)::bigint
        WHERE "id" = @id AND "status" = 'running'
        """;

    /// <summary>Releases a stale lease (its instance is no longer running).</summary>
    public async Task<bool> AbandonAsync(string id, string reason, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(AbandonSql, new { id, reason, now = Now() }, cancellationToken: ct)) > 0;
    }

    private const string ByInstanceSql = $"""
        SELECT {Columns} FROM "JobRun" WHERE "instanceId" = @instanceId OR "parentInstanceId" = @instanceId ORDER BY "startedAt", "id"
        """;

    /// <summary>The run of an instance and the rows of its steps.</summary>
    // The last finished scrape (alone or as a daily step) in which this venue succeeded.
    private const string PreviousVenueSql = """
        SELECT (r->>'events')::int
        FROM "JobRun" j CROSS JOIN LATERAL jsonb_array_elements(j."summary"->'results') r
        WHERE j."job" = 'scrape' AND j."status" IN ('succeeded', 'partial') AND jsonb_typeof(j."summary"->'results') = 'array'
          AND r->>'venue' = @slug AND (r->>'succeeded')::boolean
        ORDER BY j."startedAt" DESC
        LIMIT 1
        """;

    /// <summary>How many events the venue had in its last successful scrape, or null when it never had one.</summary>
    public async Task<int?> PreviousVenueEventsAsync(string slug, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(PreviousVenueSql, new { slug }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<JobRun>> ForInstanceAsync(string instanceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<JobRun>(new CommandDefinition(ByInstanceSql, new { instanceId }, cancellationToken: ct))).ToList();
    }

    private const string ListSql = $"""
        SELECT {Columns} FROM "JobRun"
        WHERE (@job::text IS NULL OR "job" = @job)
          AND (@status::text IS NULL OR "status" = @status)
          AND (@since::timestamp IS NULL OR "startedAt" >= @since)
          AND (@includeSteps OR "parentInstanceId" IS NULL)
        ORDER BY "startedAt" DESC, "id"
        LIMIT @top OFFSET @skip
        """;

    public async Task<IReadOnlyList<JobRun>> ListAsync(string? job, string? status, DateTime? since, bool includeSteps, int top, int skip, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<JobRun>(new CommandDefinition(ListSql, new
        {
            job,
            status,
            since = since is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Unspecified) : (DateTime?)null,
            includeSteps,
            top,
            skip,
        }, cancellationToken: ct))).ToList();
    }

    private const string DeleteOldSql = """
        DELETE FROM "JobRun" WHERE "startedAt" < @before AND "status" <> 'running'
        """;

    /// <summary>Deletes finished runs started before <paramref name="beforeUtc"/>; running rows (leases) are never touched.</summary>
    public async Task<int> DeleteFinishedBeforeAsync(DateTime beforeUtc, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteOldSql, new { before = DateTime.SpecifyKind(beforeUtc, DateTimeKind.Unspecified) }, cancellationToken: ct));
    }

    private DateTime Now() => DbTime.Millis(time.GetUtcNow().UtcDateTime);
}
