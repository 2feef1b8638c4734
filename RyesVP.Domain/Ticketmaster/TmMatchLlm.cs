using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RyesVP.Domain.Llm;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Ticketmaster;

/// <summary>The disambiguation question (existing-app §5.5) as a strict structured-output call.</summary>
public sealed class TmMatchLlm(LlmClient llm)
{
    public sealed record Usage(int Calls, int PromptTokens, int CompletionTokens);

    private static readonly BinaryData Schema = BinaryData.FromString("""
        {"type":"object","properties":{
          "reason":{"type":"string"},
          "match":{"type":["integer","null"]},
          "confidence":{"type":"string","enum":["high","medium","low"]},
          "preferTMTitle":{"type":"boolean"}},
         "required":["reason","match","confidence","preferTMTitle"],"additionalProperties":false}
        """);

    private const string System = """
        You match an event listed on an Austin venue's website to the right Ticketmaster listing.
        Titles differ for ordinary reasons: abbreviations (Texas MBB = Texas Longhorns Men's Basketball), home/away
        "A vs B" forms, tour names, and supporting acts added to the listing. They must still be the same performer or
        team, and the same men's/women's side for sports. Every candidate is at the same venue on the same date.
        Pick the candidate number that is the same event (prefer the one nearest in time when several are), or null
        when none is. confidence: high when clearly the same, medium when probably, low when unsure.
        preferTMTitle: true only when the Ticketmaster title is clearly more informative (adds an opponent or the tour).
        """;

    public bool Available => llm.HasKey;

    /// <summary>A key for one exact question: a stored answer to the same key is reused instead of asking again.</summary>
    public static string QuestionKey(TmLlmQuestion q)
    {
        var text = new StringBuilder(q.Event.Title).Append('\n').Append(q.Event.StartUtc.ToString("O", CultureInfo.InvariantCulture));
        foreach (var c in q.Candidates)
        {
            text.Append('\n').Append(c.Id).Append('\t').Append(c.Name).Append('\t').Append(c.StartUtc.ToString("O", CultureInfo.InvariantCulture));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    public static string Prompt(TmLlmQuestion q)
    {
        var local = AustinTime.ToLocal(q.Event.StartUtc);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Our event: \"{q.Event.Title}\" at {q.Event.VenueName} (Austin, TX), ")
            .Append(local.ToString("dddd, MMMM d, yyyy 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US")))
            .Append(" Austin time.\nTicketmaster listings at this venue on this date:\n");
        for (var i = 0; i < q.Candidates.Count; i++)
        {
            var c = q.Candidates[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. \"{c.Name}\" at {AustinTime.ToLocal(c.StartUtc).ToString("h:mm tt", CultureInfo.GetCultureInfo("en-US"))}\n");
        }

        return text.ToString();
    }

    /// <summary>The pick, or null when the model refused or answered outside the schema. HTTP failures throw <see cref="LlmException"/>.</summary>
    public async Task<(TmLlmPick? Pick, Usage Usage)> AskAsync(TmLlmQuestion q, CancellationToken ct)
    {
        var answer = await llm.CompleteJsonAsync(llm.Options.MatchModel, System, Prompt(q), "tm_match", Schema, 200, 0, ct);
        var usage = new Usage(1, answer.PromptTokens, answer.CompletionTokens);
        if (answer.Json is null || answer.Truncated)
        {
            return (null, usage);
        }

        try
        {
            using var doc = JsonDocument.Parse(answer.Json);
            var root = doc.RootElement;
            var confidence = root.GetProperty("confidence").GetString() ?? "low";
            var reason = root.GetProperty("reason").GetString() ?? string.Empty;
            var prefer = root.GetProperty("preferTMTitle").GetBoolean();
            var match = root.GetProperty("match");
            string? id = null;
            if (match.ValueKind == JsonValueKind.Number)
            {
                var index = match.GetInt32();
                if (index < 1 || index > q.Candidates.Count)
                {
                    return (null, usage);
                }

                id = q.Candidates[index - 1].Id;
            }

            return (new TmLlmPick(id, confidence, prefer, reason.Length > 300 ? reason[..300] : reason), usage);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, usage);
        }
    }
}
