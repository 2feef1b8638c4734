using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace RyesVP.Cli.LocalHost;

/// <summary>The timer triggers on the local host: the same NCRONTAB setting, evaluated in UTC as Flex Consumption does.</summary>
internal sealed class LocalTimerService(
    IReadOnlyList<FunctionDescriptor> functions, IServiceProvider services, IConfiguration configuration, TimeProvider time, ILogger<LocalTimerService> logger)
    : BackgroundService
{
    public static CrontabSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
    }

    /// <summary>Resolves %Setting% references the way the Functions host does.</summary>
    public static string Resolve(string schedule, IConfiguration configuration) =>
        schedule.StartsWith('%') && schedule.EndsWith('%')
            ? configuration[schedule.Trim('%')] ?? throw new InvalidOperationException($"{schedule.Trim('%')} not set")
            : schedule;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.Where(f => f.Kind == FunctionKind.Timer).Select(f => RunAsync(f, stoppingToken)).ToList());

    private async Task RunAsync(FunctionDescriptor timer, CancellationToken ct)
    {
        var expression = Resolve(timer.Schedule!, configuration);
        var schedule = Parse(expression);
        DateTime? last = null;
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            logger.LogInformation("Timer {Function} ({Schedule} UTC): next run at {Next:u}", timer.Name, expression, next);
            try
            {
                await Task.Delay(next - now, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var info = new TimerInfo
            {
                IsPastDue = false,
                ScheduleStatus = new ScheduleStatus { Last = last ?? DateTime.MinValue, Next = schedule.GetNextOccurrence(next), LastUpdated = next },
            };
            last = next;
            try
            {
                await using var scope = services.CreateAsyncScope();
                await FunctionInvoker.InvokeAsync(timer, scope.ServiceProvider, new FunctionInvoker.Bindings(info, null, ct));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Like the Functions host: a failed timer invocation is logged and not retried.
                logger.LogError(ex, "Timer {Function} failed", timer.Name);
            }
        }
    }
}
