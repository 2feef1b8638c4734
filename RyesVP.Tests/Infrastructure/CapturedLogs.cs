using System.Collections.Concurrent;

namespace RyesVP.Tests.Infrastructure;

/// <summary>Collects the host's log events, with their structured properties and scopes, for assertions.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private static readonly AsyncLocal<ImmutableStack> Scopes = new();

    public ConcurrentQueue<Entry> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public override string ToString() => string.Join("\n", Lines.Select(l => $"{l.Level} {l.Category}: {l.Message}"));

    public sealed record Entry(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> Properties);

    private sealed record ImmutableStack(object State, ImmutableStack? Next);

    private static IEnumerable<KeyValuePair<string, object?>> Pairs(object? state) =>
        state as IEnumerable<KeyValuePair<string, object?>> ?? [];

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var previous = Scopes.Value;
            Scopes.Value = new ImmutableStack(state, previous);
            return new Pop(previous);
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var s = Scopes.Value; s is not null; s = s.Next)
            {
                foreach (var (k, v) in Pairs(s.State))
                {
                    properties.TryAdd(k, v);
                }
            }

            foreach (var (k, v) in Pairs(state))
            {
                properties[k] = v;
            }

            owner.Lines.Enqueue(new Entry(logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception), properties));
        }
    }

    private sealed class Pop(ImmutableStack? previous) : IDisposable
    {
        public void Dispose() => Scopes.Value = previous!;
    }
}
