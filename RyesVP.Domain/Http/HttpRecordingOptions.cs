namespace RyesVP.Domain.Http;

public sealed class HttpRecordingOptions
{
    public string? ReplayDirectory { get; set; }

    public string? RecordDirectory { get; set; }
}
