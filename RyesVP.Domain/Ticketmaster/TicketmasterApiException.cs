namespace RyesVP.Domain.Ticketmaster;

/// <summary>A Discovery API failure. Transient ones (429, 5xx, timeouts) are retried by the durable retry policy.</summary>
public sealed class TicketmasterApiException(string message, int status, bool isTransient) : Exception(message)
{
    public int Status { get; } = status;

    public bool IsTransient { get; } = isTransient;
}
