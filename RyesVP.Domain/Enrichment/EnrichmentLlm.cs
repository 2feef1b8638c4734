using System.Globalization;
using System.Text;
using System.Text.Json;
using RyesVP.Domain.Events;
using RyesVP.Domain.Llm;
using RyesVP.Domain.Time;

namespace RyesVP.Domain.Enrichment;

/// <summary>What the model says about one event.</summary>
public sealed record LlmCategorization(EventCategory Category, string? Performer, string Description, string Confidence);

/// <summary>The categorisation call of existing-app §4.4 as strict structured output, with the date in Austin time.</summary>
public sealed class EnrichmentLlm(LlmClient llm)
{
    private static readonly BinaryData Schema = BinaryData.FromString("""
        {"type":"object","properties":{
          "category":{"type":"string","enum":["CONCERT","COMEDY","THEATER","MOVIE","SPORTS","FESTIVAL","OTHER"]},
          "performer":{"type":["string","null"]},
          "description":{"type":"string"},
          "confidence":{"type":"string","enum":["high","medium","low"]}},
         "required":["category","performer","description","confidence"],"additionalProperties":false}
        """);

    private const string System = """
        You categorize events for an Austin, Texas event-discovery app, name the headline performer, and write a
        one- or two-sentence "should I go" description.
        Categories: CONCERT (live music, including DJs and orchestras), COMEDY (stand-up), THEATER (plays, musicals,
        dance, Broadway), MOVIE (screenings), SPORTS, FESTIVAL (multi-day or multi-act festivals), OTHER.
        Venue hints: Stubb's and ACL Live are music venues; the Paramount hosts theater and film; "Texas" at the Moody
        Center most likely means University of Texas sports.
        performer: the headline act, team or show as it would be searched for, or null when there is none.
        confidence: high when the title makes the category clear, medium when it is a reasonable guess, low otherwise.
        """;

    public sealed record Input(string Title, string VenueName, DateTime StartUtc, string? Description, string? Url, EventCategory Category,
        string? TmSegment, string? TmGenre, string? TmSubGenre);

    public bool Available => llm.HasKey;

    public static string Prompt(Input e)
    {
        var local = AustinTime.ToLocal(e.StartUtc);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Event: \"{e.Title}\"\n")
            .Append(CultureInfo.InvariantCulture, $"Venue: {e.VenueName} (Austin, TX)\n")
            .Append("Date: ").Append(local.ToString("dddd, MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"))).Append('\n');
        if (!string.IsNullOrWhiteSpace(e.Description))
        {
            var d = e.Description.Trim();
            text.Append("Description: ").Append(d.Length > 600 ? d[..600] : d).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(e.Url))
        {
            text.Append("Source: ").Append(e.Url).Append('\n');
        }

        if (e.Category != EventCategory.OTHER)
        {
            text.Append("The venue's own category guess: ").Append(e.Category).Append('\n');
        }

        if (e.TmSegment is not null || e.TmGenre is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Ticketmaster classification: Segment {e.TmSegment ?? "-"}, Genre {e.TmGenre ?? "-"}, Sub-genre {e.TmSubGenre ?? "-"}\n");
        }

        return text.ToString();
    }

    /// <summary>The answer, or a reason why there is none (refusal, truncation, output outside the schema). HTTP failures throw.</summary>
    public async Task<(LlmCategorization? Result, string? Problem, int PromptTokens, int CompletionTokens)> CategorizeAsync(Input e, CancellationToken ct)
    {
        var answer = await llm.CompleteJsonAsync(llm.Options.Model, System, Prompt(e), "event_enrichment", Schema, 200, 0.3f, ct);
        if (answer.Refusal is not null)
        {
            return (null, "LLM refused: " + Cut(answer.Refusal), answer.PromptTokens, answer.CompletionTokens);
        }

        if (answer.Json is null || answer.Truncated)
        {
            return (null, answer.Truncated ? "LLM output truncated" : "LLM returned no content", answer.PromptTokens, answer.CompletionTokens);
        }

        try
        {
            using var doc = JsonDocument.Parse(answer.Json);
            var root = doc.RootElement;
            var category = Enum.TryParse<EventCategory>(root.GetProperty("category").GetString(), ignoreCase: false, out var c) && Enum.IsDefined(c) ? c : EventCategory.OTHER;
            var performer = root.TryGetProperty("performer", out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString()) ? p.GetString()!.Trim() : null;
            var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? string.Empty : string.Empty;
            var confidence = root.TryGetProperty("confidence", out var f) && f.GetString() is "high" or "medium" or "low" ? f.GetString()! : "medium";
            return (new LlmCategorization(category, performer, description, confidence), null, answer.PromptTokens, answer.CompletionTokens);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, "LLM output is not the requested JSON: " + Cut(ex.Message), answer.PromptTokens, answer.CompletionTokens);
        }
    }

    private static string Cut(string s) => s.Length > 200 ? s[..200] : s;
}
