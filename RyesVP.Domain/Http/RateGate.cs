namespace RyesVP.Domain.Http;

/// <summary>
/// A process-wide pacing gate: callers take slots at most <c>perSecond</c> a second (a cost of n takes n slots),
/// and a 429's reset time pauses every caller. One instance per external API, shared by all concurrent activities.
/// </summary>
public class RateGate
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly TimeSpan interval;
    private DateTimeOffset next;

    public RateGate(double perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        this.time = time;
        interval = TimeSpan.FromSeconds(1 / perSecond);
        next = time.GetUtcNow();
    }

    public double PerSecond => 1 / interval.TotalSeconds;

    /// <summary>Waits for this caller's slot.</summary>
    public Task WaitAsync(CancellationToken ct, double cost = 1)
    {
        TimeSpan delay;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = next > now ? next : now;
            next = slot + (interval * Math.Max(cost, 0));
            delay = slot - now;
        }

        return delay > TimeSpan.Zero ? Task.Delay(delay, time, ct) : Task.CompletedTask;
    }

    /// <summary>No caller gets a slot before <paramref name="until"/> (a rate-limit reset).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (gate)
        {
            if (until > next)
            {
                next = until;
            }
        }
    }
}
