using Microsoft.DurableTask.Client;
using RyesVP.Cli.LocalHost;
using RyesVP.Domain.Jobs;
using RyesVP.Domain.Scraping;
using RyesVP.Orchestration.Http;
using RyesVP.Orchestration.Jobs;

namespace RyesVP.Cli.Commands;

internal static class JobCommands
{
    /// <summary>ryesvp run JOB [--wait] [--venue S] [--limit N] [--force] [--months N] [--in-memory] [--json]</summary>
    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        if (args.Positional.Count < 2)
        {
            Console.Error.WriteLine($"usage: ryesvp run <job> [--wait]   jobs: {string.Join(", ", JobCatalog.Jobs)}");
            return 2;
        }

        var job = args.Positional[1];
        return await StartAndFollowAsync(job, args, args.Has("wait"), ct);
    }

    public static async Task<int> StartAndFollowAsync(string job, Args args, bool wait, CancellationToken ct)
    {
        if (!JobCatalog.Exists(job))
        {
            Console.Error.WriteLine($"Unknown job '{job}'. Jobs: {string.Join(", ", JobCatalog.Jobs)}");
            return 2;
        }

        var inMemory = args.Has("in-memory");
        if (inMemory && !wait)
        {
            Console.Error.WriteLine("--in-memory keeps nothing after this process ends; use it with --wait");
            return 2;
        }

        await using var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions { InMemory = inMemory, Worker = wait }, ct: ct);
        var services = host.Services;
        // SIGTERM stops the host; stop following then too.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, host.Lifetime.ApplicationStopping);
        ct = stopping.Token;
        var q = new QueryParameters(args.AsQuery("venue", "limit", "force", "months"));
        var scrape = services.GetRequiredService<ScrapeStep>();
        var parameters = new JobParameters(q.OneOf("venue", scrape.VenueSlugs), q.Flag("force"), q.Number("limit", 1, 100_000), q.Number("months", 1, 12));
        if (q.Errors.Count > 0)
        {
            foreach (var e in q.Errors)
            {
                Console.Error.WriteLine(e);
            }

            return 2;
        }

        var client = services.GetRequiredService<DurableTaskClient>();
        var launcher = services.GetRequiredService<JobLauncher>();
        var started = await launcher.StartAsync(client, job, JobTrigger.Cli, parameters, null, ct);
        if (started.Outcome != LaunchOutcome.Started)
        {
            Console.Error.WriteLine($"{job} is already running: instance {started.InstanceId} (see: ryesvp status {started.InstanceId})");
            return 3;
        }

        Console.WriteLine($"{job} started: instance {started.InstanceId}");
        if (!wait)
        {
            Console.WriteLine("It runs on the task hub's worker (ryesvp serve). Follow it with: ryesvp status " + started.InstanceId);
            return 0;
        }

        var outcome = await FollowAsync(client, started.InstanceId, ct);
        if (outcome is null)
        {
            return 1;
        }

        Report.Outcome(outcome, Console.Out);
        if (args.Has("json"))
        {
            Report.Json(outcome, Console.Out);
        }

        Console.WriteLine();
        Console.WriteLine($"Look at this run:  ryesvp status {started.InstanceId}");
        Console.WriteLine($"        or:        curl -H \"Authorization: Bearer $CRON_SECRET\" http://localhost:7071/api/cron/runs/{Uri.EscapeDataString(started.InstanceId)}   (while ryesvp serve runs)");
        return outcome.Status switch
        {
            JobRunStatus.Succeeded or JobRunStatus.Skipped => 0,
            JobRunStatus.Partial => 4,
            _ => 1,
        };
    }

    /// <summary>Prints progress (the orchestration's custom status) until the run ends; returns its outcome.</summary>
    public static async Task<JobOutcome?> FollowAsync(DurableTaskClient client, string instanceId, CancellationToken ct)
    {
        string? last = null;
        while (true)
        {
            var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct);
            if (metadata?.SerializedCustomStatus is { } progress && progress != last)
            {
                last = progress;
                var p = metadata.ReadCustomStatusAs<JobProgress>()!;
                Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {p.Step}: {p.Done}/{p.Total} done, {p.Failures} failed{(p.Current is null ? string.Empty : $" ({p.Current})")}");
            }

            switch (metadata?.RuntimeStatus)
            {
                case OrchestrationRuntimeStatus.Completed:
                    return metadata.ReadOutputAs<JobOutcome>();
                case OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated:
                    Console.Error.WriteLine($"run {instanceId} {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
                    return null;
            }

            await Task.Delay(500, ct);
        }
    }

    /// <summary>ryesvp status INSTANCE_ID</summary>
    public static async Task<int> StatusAsync(Args args, CancellationToken ct)
    {
        if (args.Positional.Count < 2)
        {
            Console.Error.WriteLine("usage: ryesvp status <instanceId>");
            return 2;
        }

        await using var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions { InMemory = args.Has("in-memory"), Worker = false }, ct: ct);
        var report = await RunReports.DescribeAsync(
            host.Services.GetRequiredService<DurableTaskClient>(), host.Services.GetRequiredService<JobRunStore>(), args.Positional[1], ct);
        if (report is null)
        {
            Console.Error.WriteLine($"No run with instance id '{args.Positional[1]}'");
            return 1;
        }

        Report.Json(report, Console.Out);
        return 0;
    }

    /// <summary>ryesvp runs [--job J] [--status S] [--since DATE] [--top N] [--skip N] [--steps] [--json]</summary>
    public static async Task<int> RunsAsync(Args args, IServiceProvider services, CancellationToken ct)
    {
        var q = new QueryParameters(args.AsQuery("job", "status", "since", "top", "skip"));
        var job = q.OneOf("job", JobCatalog.Jobs);
        var status = q.OneOf("status", JobRunStatus.All);
        var since = q.Date("since");
        var top = q.Number("top", 1, 200) ?? 20;
        var skip = q.Number("skip", 0, 1_000_000) ?? 0;
        if (q.Errors.Count > 0)
        {
            q.Errors.ToList().ForEach(Console.Error.WriteLine);
            return 2;
        }

        var rows = await services.GetRequiredService<JobRunStore>().ListAsync(job, status, since, args.Has("steps") || job is not null, top, skip, ct);
        if (args.Has("json"))
        {
            Report.Json(rows.Select(RunReports.Row).ToList(), Console.Out);
            return 0;
        }

        Console.WriteLine($"{"started (UTC)",-20} {"job",-17} {"trigger",-7} {"status",-10} {"ms",9}  instance / counts");
        foreach (var r in rows)
        {
            var counts = RunReports.Parse(r.Summary) is { ValueKind: System.Text.Json.JsonValueKind.Object } s
                ? string.Join(", ", s.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Number).Select(p => $"{p.Name}={p.Value}"))
                : string.Empty;
            Console.WriteLine($"{r.StartedAt:yyyy-MM-dd HH:mm:ss}  {r.Job,-17} {r.Trigger,-7} {r.Status,-10} {r.DurationMs,9}  {r.InstanceId}");
            if (counts.Length > 0)
            {
                Console.WriteLine($"{string.Empty,70}{counts}");
            }

            if (r.Error is { } e)
            {
                Console.WriteLine($"{string.Empty,70}error: {e}");
            }
        }

        return 0;
    }
}
