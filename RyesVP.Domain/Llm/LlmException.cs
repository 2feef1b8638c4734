namespace RyesVP.Domain.Llm;

/// <summary>The LLM call failed after the SDK's retries. Transient ones (429, 5xx, timeouts) are worth a later try.</summary>
public sealed class LlmException(string message, int? status, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    public int? Status { get; } = status;

    public bool IsTransient { get; } = isTransient;
}
