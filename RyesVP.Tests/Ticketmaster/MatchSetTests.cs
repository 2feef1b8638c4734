using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RyesVP.Domain.Ticketmaster;
using RyesVP.Domain.Time;
using RyesVP.Tests.Llm;
using Xunit.Abstractions;

namespace RyesVP.Tests.Ticketmaster;

/// <summary>
/// The labelled match set (Fixtures/match-set.json): reference values, tour suffixes, sports abbreviations, gender
/// mismatches, supporting acts, matinee/evening and no-true-match cases. Prints precision and recall of the
/// deterministic part (no LLM) and of the whole matcher with a scripted LLM behind the real SDK over HTTP.
/// </summary>
public sealed partial class MatchSetTests(ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2026, 12, 12);

    private sealed record LlmScript(int? Match, string Confidence);

    private sealed record CaseEvent(string Title, string Time, int? Expected, LlmScript? Llm);

    private sealed record CaseCandidate(string Name, string Time);

    private sealed record Case(IReadOnlyList<CaseEvent> Events, IReadOnlyList<CaseCandidate> Candidates, string Note);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static List<Case> Cases() =>
        JsonSerializer.Deserialize<List<Case>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ticketmaster", "Fixtures", "match-set.json")), Json)!;

    [Fact]
    public async Task DeterministicPart_MakesNoFalseMatch()
    {
        var (tp, fp, positives, events) = await EvaluateAsync(null, output);
        output.WriteLine($"deterministic: {events} events, {positives} with a true match: precision {Ratio(tp, tp + fp)}, recall {Ratio(tp, positives)} (TP {tp}, FP {fp})");

        Assert.True(events >= 40, $"only {events} labelled events");
        Assert.Equal(0, fp);
        Assert.True(tp > 0);
    }

    [Fact]
    public async Task WholeMatcher_WithScriptedLlm_PrecisionAndRecall()
    {
        var cases = Cases();
        var script = cases.SelectMany(c => c.Events.Where(e => e.Llm is not null).Select(e => (Key: Key(e.Title, Clock(e.Time), c.Candidates.Select(x => x.Name)), e.Llm)))
            .ToDictionary(x => x.Key, x => x.Llm!, StringComparer.Ordinal);
        using var fake = new OpenAiFake(prompt =>
        {
            var m = PromptEvent().Match(prompt);
            var names = PromptCandidate().Matches(prompt).Select(x => x.Groups[1].Value);
            return script.TryGetValue(Key(m.Groups[1].Value, m.Groups[2].Value, names), out var answer)
                ? OpenAiFake.Json(new { reason = "scripted", match = answer.Match, confidence = answer.Confidence, preferTMTitle = false })
                : OpenAiFake.Json(new { reason = "not scripted", match = (int?)null, confidence = "high", preferTMTitle = false });
        });
        await using var services = TicketmasterFake.Services("http://127.0.0.1:9/", more: new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = OpenAiFake.Key,
            ["OpenAI:BaseUrl"] = fake.BaseUrl,
            ["OpenAI:MaxRetries"] = "0",
        });
        var llm = services.GetRequiredService<TmMatchLlm>();

        var (tp, fp, positives, events) = await EvaluateAsync(async q => (await llm.AskAsync(q, CancellationToken.None)).Pick, output);
        output.WriteLine($"whole matcher: {events} events, {positives} with a true match: precision {Ratio(tp, tp + fp)}, recall {Ratio(tp, positives)} (TP {tp}, FP {fp}), {fake.Calls} LLM calls");

        Assert.True(fake.Calls > 0);
        Assert.True(tp >= positives - 1, $"recall too low: {tp}/{positives}");
        Assert.True(fp <= 1, $"{fp} false matches");
    }

    private static async Task<(int Tp, int Fp, int Positives, int Events)> EvaluateAsync(Func<TmLlmQuestion, Task<TmLlmPick?>>? llm, ITestOutputHelper log)
    {
        var matcher = new TmMatcher(0.85, 0.4);
        int tp = 0, fp = 0, positives = 0, events = 0;
        var n = 0;
        foreach (var c in Cases())
        {
            n++;
            var candidates = c.Candidates.Select((x, i) => new TmCandidate($"c{n}-{i}", x.Name, At(x.Time))).ToList();
            var ours = c.Events.Select((e, i) => new TmMatchEvent($"e{n}-{i}", e.Title, "venue-" + n, "Moody Center", At(e.Time))).ToList();
            var decisions = await matcher.DecideAsync(ours, _ => candidates, llm, reuse: true);
            for (var i = 0; i < ours.Count; i++)
            {
                events++;
                var expected = c.Events[i].Expected is { } x ? candidates[x].Id : null;
                positives += expected is null ? 0 : 1;
                var got = decisions[i].TmEventId;
                if (got != expected)
                {
                    log.WriteLine($"  {(got is null ? "missed" : "wrong")}: {c.Events[i].Title} ({c.Note}) — {decisions[i].Reason}");
                }

                if (got is not null)
                {
                    if (got == expected)
                    {
                        tp++;
                    }
                    else
                    {
                        fp++;
                    }
                }
            }
        }

        return (tp, fp, positives, events);
    }

    private static DateTime At(string time)
    {
        var t = TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);
        return AustinTime.ToUtc(Day, t.Hour, t.Minute);
    }

    private static string Clock(string time) =>
        TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture).ToString("h:mm tt", CultureInfo.GetCultureInfo("en-US"));

    private static string Ratio(int a, int b) => b == 0 ? "n/a" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Key(string title, string clock, IEnumerable<string> candidates) =>
        title + "|" + clock + "|" + string.Join("|", candidates.Order(StringComparer.Ordinal));

    [GeneratedRegex("""(?m)^\d+\. "(.*)" at """)]
    private static partial Regex PromptCandidate();

    [GeneratedRegex("""Our event: "(.*)" at .* at (\d{1,2}:\d\d [AP]M) Austin time""")]
    private static partial Regex PromptEvent();
}
