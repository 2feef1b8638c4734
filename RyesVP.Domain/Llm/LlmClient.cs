using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using RyesVP.Domain.Http;

namespace RyesVP.Domain.Llm;

/// <summary>One structured-output answer: the JSON text, or the model's refusal, with its token usage.</summary>
public sealed record LlmAnswer(string? Json, string? Refusal, bool Truncated, int PromptTokens, int CompletionTokens);

/// <summary>
/// Chat completions through the official OpenAI SDK with a strict JSON schema, paced by one request gate and one
/// token gate shared by every activity in the process. HTTP goes through IHttpClientFactory, so record/replay applies.
/// </summary>
public sealed class LlmClient
{
    public const string KeySetting = "OPENAI_API_KEY";

    private readonly IConfiguration configuration;
    private readonly LlmOptions options;
    private readonly HttpClient http;
    private readonly RateGate requests;
    private readonly RateGate tokens;
    private readonly ConcurrentDictionary<string, ChatClient> clients = new(StringComparer.Ordinal);

    public LlmClient(IConfiguration configuration, IOptions<LlmOptions> options, IHttpClientFactory factory, TimeProvider time)
    {
        this.configuration = configuration;
        this.options = options.Value;
        http = factory.CreateClient(nameof(LlmClient));
        http.Timeout = Timeout.InfiniteTimeSpan; // the SDK's NetworkTimeout applies per try
        requests = new RateGate(this.options.RequestsPerMinute / 60.0, time);
        tokens = new RateGate(this.options.TokensPerMinute / 60.0, time);
    }

    public bool HasKey => !string.IsNullOrWhiteSpace(configuration[KeySetting]);

    public LlmOptions Options => options;

    public async Task<LlmAnswer> CompleteJsonAsync(
        string model, string system, string user, string schemaName, BinaryData schema, int maxTokens, float temperature, CancellationToken ct)
    {
        var chat = clients.GetOrAdd(model, Create);
        var estimate = ((system.Length + user.Length) / 4.0) + maxTokens;
        await requests.WaitAsync(ct);
        await tokens.WaitAsync(ct, estimate);
        var completionOptions = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(schemaName, schema, jsonSchemaIsStrict: true),
            Temperature = temperature,
            MaxOutputTokenCount = maxTokens,
        };
        ChatCompletion completion;
        try
        {
            completion = await chat.CompleteChatAsync([new SystemChatMessage(system), new UserChatMessage(user)], completionOptions, ct);
        }
        catch (ClientResultException ex)
        {
            // The SDK's message names the status and the error code, never the key.
            throw new LlmException($"OpenAI answered {ex.Status}: {FirstLine(ex.Message)}", ex.Status,
                ex.Status is 0 or 408 or 429 or >= 500, ex);
        }
        catch (Exception ex) when (ex is OperationCanceledException or AggregateException or IOException && !ct.IsCancellationRequested)
        {
            throw new LlmException($"OpenAI did not answer: {FirstLine(ex.Message)}", null, true, ex);
        }

        var usage = completion.Usage;
        var prompt = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            return new LlmAnswer(null, completion.Refusal, false, prompt, output);
        }

        var text = completion.Content.Count > 0 ? completion.Content[0].Text : null;
        return new LlmAnswer(text, null, completion.FinishReason == ChatFinishReason.Length, prompt, output);
    }

    private ChatClient Create(string model)
    {
        var key = configuration[KeySetting];
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"{KeySetting} not set");
        }

        return new ChatClient(model, new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = new Uri(options.BaseUrl),
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            Transport = new HttpClientPipelineTransport(http),
        });
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
