using System.Text.Json;
using System.Text.Json.Serialization;

namespace RyesVP.Orchestration;

/// <summary>
/// One JSON configuration for durable payloads and HTTP bodies in both hosts. The standalone Durable Task SDK's
/// default converter is case-sensitive while the Functions worker's is not; both are set to these options.
/// </summary>
public static class RyesVPJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
