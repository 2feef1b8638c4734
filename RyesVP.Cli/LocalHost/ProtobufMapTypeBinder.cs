using DurableTask.AzureStorage;

namespace RyesVP.Cli.LocalHost;

/// <summary>
/// The gRPC sidecar copies an orchestration's tags into DurableTask.Core events as a Google.Protobuf MapField.
/// The Azure Storage provider writes queue messages with Newtonsoft type names and, reading them back, cannot
/// resolve that protobuf type, so every sub-orchestration start was abandoned forever. Tags are plain string maps:
/// write (and read) them as Dictionary&lt;string, string&gt;.
/// </summary>
internal sealed class ProtobufMapTypeBinder : ICustomTypeBinder
{
    private const string ProtobufMap = "Google.Protobuf.Collections.MapField`2";

    public void BindToName(Type serializedType, out string assemblyName, out string typeName)
    {
        assemblyName = null!;
        typeName = IsProtobufMap(serializedType.FullName) ? typeof(Dictionary<string, string>).FullName! : serializedType.FullName!;
    }

    public Type BindToType(string assemblyName, string typeName) =>
        IsProtobufMap(typeName) ? typeof(Dictionary<string, string>) : Type.GetType(typeName, throwOnError: true)!;

    private static bool IsProtobufMap(string? typeName) => typeName?.StartsWith(ProtobufMap, StringComparison.Ordinal) == true;
}
