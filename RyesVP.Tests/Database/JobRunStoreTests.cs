using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RyesVP.Domain.Jobs;
using RyesVP.Tests.Infrastructure;

namespace RyesVP.Tests.Database;

public sealed class JobRunStoreTests
{
    [Fact]
    public async Task TryBegin_TwentyConcurrentStarters_ExactlyOneWins()
    {
        await using var db = await TestDatabase.CreateAsync(seed: false);
        var store = new JobRunStore(db.DataSource, TimeProvider.System);
        using var go = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await store.TryBeginAsync("scrape", $"scrape-{i}", null, JobTrigger.Http, CancellationToken.None);
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r is not null);
        Assert.Equal(1L, await db.ScalarAsync<long>("""SELECT count(*) FROM "JobRun" WHERE "status" = 'running'"""));
    }

    [Fact]
    public async Task Finish_ReleasesTheLease()
    {
        await using var db = await TestDatabase.CreateAsync(seed: false);
        var store = new JobRunStore(db.DataSource, TimeProvider.System);
        Assert.NotNull(await store.TryBeginAsync("scrape", "a", null, JobTrigger.Cli, CancellationToken.None));
        Assert.Null(await store.TryBeginAsync("scrape", "b", null, JobTrigger.Cli, CancellationToken.None));

        Assert.True(await store.FinishAsync("a", JobRunStatus.Failed, """{"venues":1}""", "boom", CancellationToken.None));

        Assert.NotNull(await store.TryBeginAsync("scrape", "b", null, JobTrigger.Cli, CancellationToken.None));
        var a = (await store.ForInstanceAsync("a", CancellationToken.None)).Single();
        Assert.Equal((JobRunStatus.Failed, "boom"), (a.Status, a.Error));
        Assert.NotNull(a.DurationMs);
    }

    [Fact]
    public async Task Acquire_HolderWhoseInstanceEnded_IsTakenOver()
    {
        await using var db = await TestDatabase.CreateAsync(seed: false);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new JobRunStore(db.DataSource, time);
        var lease = new JobLease(store, time, NullLogger<JobLease>.Instance);
        await store.TryBeginAsync("scrape", "terminated-run", null, JobTrigger.Http, CancellationToken.None);

        var result = await lease.AcquireAsync("scrape", "next-run", null, JobTrigger.Http, (_, _) => Task.FromResult(InstanceState.Finished), CancellationToken.None);

        Assert.True(result.Acquired);
        var old = (await store.ForInstanceAsync("terminated-run", CancellationToken.None)).Single();
        Assert.Equal(JobRunStatus.Failed, old.Status);
        Assert.Contains("ended without recording", old.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_HolderStillRunning_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(seed: false);
        var store = new JobRunStore(db.DataSource, TimeProvider.System);
        var lease = new JobLease(store, TimeProvider.System, NullLogger<JobLease>.Instance);
        await store.TryBeginAsync("scrape", "live-run", null, JobTrigger.Http, CancellationToken.None);

        var result = await lease.AcquireAsync("scrape", "next-run", null, JobTrigger.Http, (_, _) => Task.FromResult(InstanceState.Running), CancellationToken.None);

        Assert.False(result.Acquired);
        Assert.Equal("live-run", result.Holder!.InstanceId);
    }

    [Fact]
    public async Task Acquire_HolderNotYetInTheTaskHub_IsRespectedDuringGraceThenTakenOver()
    {
        await using var db = await TestDatabase.CreateAsync(seed: false);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new JobRunStore(db.DataSource, time);
        var lease = new JobLease(store, time, NullLogger<JobLease>.Instance);
        await store.TryBeginAsync("scrape", "just-starting", null, JobTrigger.Http, CancellationToken.None);
        Task<InstanceState> Missing(string id, CancellationToken ct) => Task.FromResult(InstanceState.Missing);

        Assert.False((await lease.AcquireAsync("scrape", "other", null, JobTrigger.Http, Missing, CancellationToken.None)).Acquired);
        time.Advance(JobLease.StartGrace + TimeSpan.FromSeconds(1));
        Assert.True((await lease.AcquireAsync("scrape", "other", null, JobTrigger.Http, Missing, CancellationToken.None)).Acquired);
    }
}
