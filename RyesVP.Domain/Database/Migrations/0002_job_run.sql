-- New: one row per run of a job (and per step of a daily run). Not read by the web app.
CREATE TABLE IF NOT EXISTS "JobRun" (
    "id" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "parentInstanceId" TEXT,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "durationMs" BIGINT,
    "summary" JSONB,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "JobRun_trigger_check" CHECK ("trigger" IN ('timer', 'http', 'cli', 'parent')),
    CONSTRAINT "JobRun_status_check" CHECK ("status" IN ('running', 'succeeded', 'partial', 'failed', 'skipped'))
);
CREATE INDEX IF NOT EXISTS "JobRun_job_startedAt_idx" ON "JobRun"("job", "startedAt" DESC);
CREATE INDEX IF NOT EXISTS "JobRun_startedAt_idx" ON "JobRun"("startedAt" DESC);
CREATE INDEX IF NOT EXISTS "JobRun_instanceId_idx" ON "JobRun"("instanceId");
-- The run lease: at most one running row per job. Two starters racing on the same job cannot both insert.
CREATE UNIQUE INDEX IF NOT EXISTS "JobRun_running_job_key" ON "JobRun"("job") WHERE "status" = 'running';
