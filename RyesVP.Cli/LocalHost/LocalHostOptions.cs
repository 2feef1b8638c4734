namespace RyesVP.Cli.LocalHost;

public sealed record LocalHostOptions
{
    /// <summary>In-memory task hub instead of Azure Storage on Azurite (no durability; for quick tests).</summary>
    public bool InMemory { get; init; }

    /// <summary>Serve the HTTP functions on this URL (for example http://localhost:7071); null serves none.</summary>
    public string? Urls { get; init; }

    /// <summary>Run the timer triggers.</summary>
    public bool Timers { get; init; }

    /// <summary>Process orchestrations and activities. Off for commands that only query the task hub.</summary>
    public bool Worker { get; init; } = true;
}
