using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace RyesVP.Tests.Llm;

/// <summary>
/// OpenAI chat completions faked at the HTTP boundary (POST /v1/chat/completions) with the envelope the SDK parses;
/// a script maps each request's user message to the JSON content the model would return, or to an error.
/// </summary>
public sealed class OpenAiFake : IDisposable
{
    public const string Key = "test-openai-key";

    public OpenAiFake(Func<string, Reply> script, TimeSpan? latency = null)
    {
        var response = Response.Create().WithCallback(request => Answer(request, script));
        if (latency is { } delay)
        {
            response = response.WithDelay(delay);
        }

        Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost()).RespondWith(response);
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string BaseUrl => Server.Url + "/v1";

    public int Calls => Server.LogEntries.Count(e => e.RequestMessage.Path == "/v1/chat/completions");

    /// <summary>The user messages received, in order.</summary>
    public IReadOnlyList<string> Prompts() => Server.LogEntries
        .Where(e => e.RequestMessage.Path == "/v1/chat/completions")
        .Select(e => UserMessage(e.RequestMessage.Body ?? "{}"))
        .ToList();

    public sealed record Reply(int Status, string? Content = null, string? Refusal = null, string? ErrorBody = null, string FinishReason = "stop", string? RawBody = null);

    public static Reply Json(object content) => new(200, JsonSerializer.Serialize(content));

    public static Reply Refuse(string text = "I'm sorry, I can't help with that.") => new(200, Refusal: text);

    public static Reply Error(int status, string code) =>
        new(status, ErrorBody: new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = "fake " + code, ["type"] = status == 429 ? "requests" : "server_error", ["param"] = null, ["code"] = code },
        }.ToJsonString());

    private static string UserMessage(string body)
    {
        var messages = JsonNode.Parse(body)?["messages"]?.AsArray() ?? [];
        return messages.LastOrDefault(m => (string?)m?["role"] == "user")?["content"]?.ToString() ?? string.Empty;
    }

    private static ResponseMessage Answer(IRequestMessage request, Func<string, Reply> script)
    {
        var reply = script(UserMessage(request.Body ?? "{}"));
        string body;
        if (reply.RawBody is not null)
        {
            body = reply.RawBody;
        }
        else if (reply.ErrorBody is not null)
        {
            body = reply.ErrorBody;
        }
        else
        {
            body = new JsonObject
            {
                ["id"] = "chatcmpl-fake",
                ["object"] = "chat.completion",
                ["created"] = 1767225600,
                ["model"] = "gpt-4o-mini-2024-07-18",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject
                    {
                        ["role"] = "assistant",
                        ["content"] = reply.Content,
                        ["refusal"] = reply.Refusal,
                        ["annotations"] = new JsonArray(),
                    },
                    ["logprobs"] = null,
                    ["finish_reason"] = reply.FinishReason,
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 18, ["total_tokens"] = 138 },
                ["service_tier"] = "default",
                ["system_fingerprint"] = "fp_fake",
            }.ToJsonString();
        }

        var message = new ResponseMessage
        {
            StatusCode = reply.Status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/json");
        if (reply.Status == 429)
        {
            message.AddHeader("retry-after", "1");
        }

        return message;
    }

    public void Dispose() => Server.Stop();
}
