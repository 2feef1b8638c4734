using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Scraping;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Orchestration.Http;

/// <summary>The cron HTTP API (DESIGN §4). Every route checks the bearer secret first.</summary>
public sealed class CronFunctions(CronAuth auth, JobLauncher launcher, JobRunStore runs, ScrapeStep scrape)
{
    private const int MaxWaitSeconds = 600;

    [Function(nameof(StartJob))]
    public async Task<IActionResult> StartJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "cron/{job}")] HttpRequest req,
        string job,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct)
    {
        if (auth.Check(req) is { } denied)
        {
            return denied;
        }

        if (!JobCatalog.Exists(job))
        {
            return JsonBody.Error(StatusCodes.Status404NotFound, $"Unknown job '{job}'", new { jobs = JobCatalog.Jobs });
        }

        var q = new QueryParameters(req.Query);
        var parameters = new JobParameters(
            Venue: q.OneOf("venue", scrape.VenueSlugs),
            Force: q.Flag("force"),
            Limit: q.Number("limit", 1, 100_000),
            Months: q.Number("months", 1, 12));
        var wait = q.Number("wait", 0, MaxWaitSeconds) ?? 0;
        if (job is not JobNames.Scrape and not JobNames.Daily)
        {
            q.Reject("venue", $"applies only to scrape and daily, not {job}");
        }

        if (job is not JobNames.TmDownload and not JobNames.Daily)
        {
            q.Reject("months", $"applies only to tm-download and daily, not {job}");
        }

        if (q.Errors.Count > 0)
        {
            return JsonBody.Error(StatusCodes.Status400BadRequest, string.Join("; ", q.Errors), new { parameters = q.Errors });
        }

        var started = await launcher.StartAsync(client, job, JobTrigger.Http, parameters, null, ct);
        var statusUrl = StatusUrl(req, started.InstanceId);
        if (started.Outcome != LaunchOutcome.Started)
        {
            return JsonBody.Error(StatusCodes.Status409Conflict, $"{job} is already running", new
            {
                instanceId = started.InstanceId,
                statusUrl = StatusUrl(req, started.InstanceId),
                startedAt = started.Holder?.StartedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : (DateTime?)null,
            });
        }

        if (wait > 0)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(wait));
            try
            {
                var done = await client.WaitForInstanceCompletionAsync(started.InstanceId, getInputsAndOutputs: true, timeout.Token);
                return Finished(done);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Not finished in time: answer as without wait.
            }
        }

        return new JsonBody(new { instanceId = started.InstanceId, job, statusUrl }, StatusCodes.Status202Accepted, new Dictionary<string, string>
        {
            ["Location"] = statusUrl,
            ["Retry-After"] = "10",
        });
    }

    [Function(nameof(GetRun))]
    public async Task<IActionResult> GetRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cron/runs/{instanceId}")] HttpRequest req,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct)
    {
        if (auth.Check(req) is { } denied)
        {
            return denied;
        }

        return await RunReports.DescribeAsync(client, runs, instanceId, ct) is { } report
            ? new JsonBody(report)
            : JsonBody.Error(StatusCodes.Status404NotFound, $"No run with instance id '{instanceId}'");
    }

    [Function(nameof(ListRuns))]
    public async Task<IActionResult> ListRuns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cron/runs")] HttpRequest req,
        CancellationToken ct)
    {
        if (auth.Check(req) is { } denied)
        {
            return denied;
        }

        var q = new QueryParameters(req.Query);
        var job = q.OneOf("job", JobCatalog.Jobs);
        var status = q.OneOf("status", JobRunStatus.All);
        var top = q.Number("top", 1, 200) ?? 20;
        var skip = q.Number("skip", 0, 1_000_000) ?? 0;
        var since = q.Date("since");
        var steps = q.Flag("steps");
        if (q.Errors.Count > 0)
        {
            return JsonBody.Error(StatusCodes.Status400BadRequest, string.Join("; ", q.Errors), new { parameters = q.Errors });
        }

        var list = await runs.ListAsync(job, status, since, steps || job is not null, top, skip, ct);
        return new JsonBody(new { runs = list.Select(RunReports.Row).ToList(), top, skip });
    }

    /// <summary>The old app's public ingest route; kept as a name only, pointing at the authenticated job.</summary>
    [Function(nameof(IngestAllRedirect))]
    public IActionResult IngestAllRedirect(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "ingest/all")] HttpRequest req)
    {
        if (auth.Check(req) is { } denied)
        {
            return denied;
        }

        // 308 keeps the method, so an old POST still reaches the job as a POST.
        return new RedirectResult("/api/cron/scrape" + req.QueryString.Value, permanent: true, preserveMethod: true);
    }

    private static JsonBody Finished(OrchestrationMetadata done)
    {
        var outcome = done.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? done.ReadOutputAs<JobOutcome>() : null;
        var body = new Dictionary<string, object?>();
        var ok = outcome is not null && outcome.Status is JobRunStatus.Succeeded or JobRunStatus.Skipped;
        body["success"] = ok;
        body["instanceId"] = done.InstanceId;
        body["status"] = outcome?.Status ?? done.RuntimeStatus.ToString().ToLowerInvariant();
        body["duration"] = $"{outcome?.DurationMs ?? (long)(done.LastUpdatedAt - done.CreatedAt).TotalMilliseconds}ms";
        if (outcome?.Summary is { ValueKind: JsonValueKind.Object } summary)
        {
            foreach (var p in summary.EnumerateObject())
            {
                body[p.Name] = p.Value;
            }
        }

        if (!ok)
        {
            body["error"] = outcome?.Error ?? done.FailureDetails?.ErrorMessage ?? $"run ended {done.RuntimeStatus}";
        }

        return new JsonBody(body, ok ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
    }

    private static string StatusUrl(HttpRequest req, string instanceId) =>
        $"{req.Scheme}://{req.Host}/api/cron/runs/{Uri.EscapeDataString(instanceId)}";
}
