namespace RyesVP.Domain.Http;

/// <summary>Replay mode met a request with no recording: fail loudly rather than reach the network.</summary>
public sealed class HttpReplayMissException(string message) : HttpRequestException(message);
