using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Playout.Server.Tests.Web;

/// <summary>
/// Junk, truncated and mutated bodies (and query values) posted to every endpoint that takes one, from a seeded random
/// source: every answer is a success or a 4xx with a JSON problem body in plain words; never a 500, never .NET's text.
/// </summary>
[Collection(OpenServiceCollection.Name)]
public partial class ApiFuzzTests(OpenService open)
{
    /// <summary>The same junk every run; PLAYOUT_FUZZ_SEED and PLAYOUT_FUZZ_REQUESTS explore further (the seed is in every failure).</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("PLAYOUT_FUZZ_SEED"), out int seed) ? seed : 20261204;
    private static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("PLAYOUT_FUZZ_REQUESTS"), out int requests) ? requests : 400;

    private static readonly string[] Events =
    [
        """{ "id": "a", "kind": "filler", "source": "#808080", "duration": "00:00:10" }""",
        """{ "id": "b", "kind": "clip", "source": "clip.ts", "timing": "fixed", "start": "12:00:00", "in": "00:00:01", "out": "00:00:05", "loop": true }""",
        """
        { "id": "c", "kind": "block", "duration": "00:01:00", "children": [ { "id": "c1", "kind": "filler", "source": "bars", "duration": "00:00:05" } ],
          "secondaries": [ { "kind": "logo", "source": "logo.png", "offset": "00:00:01" } ] }
        """,
    ];

    private static readonly string[] Schedules =
    [
        "date: 2030-01-01\nevents:\n  - { id: x, kind: filler, source: \"#101010\", duration: \"00:00:05\" }\n",
        """{ "days": [ { "date": "2030-01-01", "events": [ { "id": "x", "kind": "filler", "duration": "00:00:05" } ] } ] }""",
        "date,id,kind,source,start,duration\n2030-01-01,x,filler,#101010,,00:00:05\n",
        """<BxfMessage><Schedule><ScheduledEvent><EventData eventType="Primary"/></ScheduledEvent></Schedule></BxfMessage>""",
    ];

    private static readonly string[] Pieces =
        ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e999", "99999999999999999999", "\\u12", "\\", "\u0000", "\uFFFF", "'", "#", "\n", "- ", "kind", "\"duration\":"];

    private static readonly string[] Junk =
        ["5", "-5", "\"\"", "\"nope\"", "\"25:99:00\"", "\"-00:00:01\"", "\"99:00:00:00:00\"", "[]", "{}", "[1]", "true", "null", "1.5", "\"\\u0000\""];

    private static readonly string[] Fields =
        ["id", "kind", "source", "title", "timing", "start", "duration", "in", "out", "loop", "children", "secondaries", "unknownField"];

    [Fact]
    public async Task Junk_bodies_on_every_endpoint_that_takes_one_get_a_4xx_problem_in_plain_words_never_a_500()
    {
        var random = new Random(Seed);
        using var engineer = open.Service.Client(open.LocalToken);
        var failures = new List<string>();
        int refused = 0;
        for (int i = 0; i < Requests; i++)
        {
            using var request = Request(random, i);
            string what = $"#{i} {request.Method} {request.RequestUri}: {Shorten(request.Content is null ? "" : await request.Content.ReadAsStringAsync())}";
            using var response = await engineer.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            int code = (int)response.StatusCode;
            if (code >= 500)
                failures.Add($"{what} -> {code} {Shorten(body)}");
            else if (code >= 400)
            {
                refused++;
                if (Problem(response, body, script: code == 422) is { } wrong)
                    failures.Add($"{what} -> {code}: {wrong}: {Shorten(body)}");
            }
        }
        Assert.True(failures.Count == 0, $"seed {Seed}: {failures.Count} bad answers:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(refused > Requests / 2, $"only {refused} of {Requests} junk requests were refused");
    }

    /// <summary>
    /// What is wrong with a refusal's body; null when it is a JSON problem in plain words (a script's own compile errors
    /// may name .NET types: they are about its code).
    /// </summary>
    private static string? Problem(HttpResponseMessage response, string body, bool script)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
            return $"content type {response.Content.Headers.ContentType}";
        try
        {
            using var json = JsonDocument.Parse(body);
            bool explained = json.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 }
                || json.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
                || json.RootElement.TryGetProperty("refused", out var refused) && refused.GetString() is { Length: > 0 };
            if (!explained)
                return "no detail";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return "not JSON";
        }
        return !script && DotNetText().IsMatch(body) ? ".NET text in the answer" : null;
    }

    private static HttpRequestMessage Request(Random random, int i)
    {
        string day = random.Next(10) == 0 ? Pick(random, ["2030-13-45", "tomorrow", "2030-02-30", "0"]) : "2030-01-01";
        string force = random.Next(8) == 0 ? "&force=" + Pick(random, ["maybe", "2", ""]) : "";
        string events = $"/api/channels/1/schedule/{day}/events";
        return (i % 10) switch
        {
            0 or 1 or 2 => Json(HttpMethod.Post, $"{events}?after={Uri.EscapeDataString(Mutated(random, "a"))}{force}", EventBody(random)),
            3 or 4 => Json(HttpMethod.Put, $"{events}/{Pick(random, ["a", "b", "missing", "%20"])}?x=1{force}", EventBody(random)),
            5 => Json(HttpMethod.Post, $"{events}/a/move?after={Uri.EscapeDataString(Mutated(random, "b"))}{force}", EventBody(random)),
            6 => Json(HttpMethod.Delete, $"{events}/{Pick(random, ["a", "zz"])}?x=1{force}", EventBody(random)),
            7 => Text(HttpMethod.Put, $"/api/channels/1/schedule?name=s.{Pick(random, ["yaml", "json", "csv", "xml", "bxf", "txt", ""])}{force}",
                Mutated(random, Pick(random, Schedules))),
            8 => Json(HttpMethod.Post, $"/api/channels/{Pick(random, ["1", "2", "0"])}/{Pick(random, ["take", "hold", "release", "skip"])}", Mutated(random, "{}")),
            _ => (i / 10 % 10) switch
            {
                0 => Text(HttpMethod.Post, $"/api/channels/1/scripts?x=1{force}", Mutated(random, """Day(Tomorrow).Add(Filler("s", "#303030", "00:00:05"));""")),
                1 or 2 => Json(HttpMethod.Get, $"/api/alarms?active={Uri.EscapeDataString(Mutated(random, "true"))}&channel={Uri.EscapeDataString(Mutated(random, "open channel"))}", ""),
                3 or 4 => Json(HttpMethod.Post, $"/api/alarms/{Pick(random, ["1", "0", "-1", "99999999999999999999", "x", "%00"])}/ack?comment={Uri.EscapeDataString(Mutated(random, new string('c', random.Next(0, 700))))}", Mutated(random, "{}")),
                5 => Json(random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Post, $"/api/channels/{Pick(random, ["1", "2", "0", "x"])}/loudness{Pick(random, ["", "/reset", "?x=%ff"])}",
                    Mutated(random, "{}")),
                _ => Json(HttpMethod.Post, "/api/stream-ticket", Mutated(random, "{}")),
            },
        };
    }

    private static string EventBody(Random random) => random.Next(4) switch
    {
        0 => Typed(random, Pick(random, Events)),
        1 => Pick(random, ["", "null", "[]", "\"event\"", new string('[', 5000), "{\"id\":\"" + new string('x', 3000)]),
        _ => Mutated(random, Pick(random, Events)),
    };

    /// <summary>A field set to a value of another type (or an unknown field added).</summary>
    private static string Typed(Random random, string json)
    {
        string field = Pick(random, Fields), value = Pick(random, Junk);
        var match = Regex.Match(json, $"\"{field}\": (\"[^\"]*\"|[^,}}]+)");
        return match.Success ? json.Remove(match.Index, match.Length).Insert(match.Index, $"\"{field}\": {value}")
            : json.Insert(json.IndexOf('{') + 1, $" \"{field}\": {value},");
    }

    /// <summary>One to three edits: a cut, a changed character, an inserted piece, a removed stretch.</summary>
    private static string Mutated(Random random, string text)
    {
        for (int edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
        {
            int at = random.Next(text.Length);
            text = random.Next(4) switch
            {
                0 => text[..at],
                1 => text.Remove(at, 1).Insert(at, ((char)random.Next(0, 0x3000)).ToString()),
                2 => text.Insert(at, Pick(random, Pieces)),
                _ => text.Remove(at, Math.Min(text.Length - at, random.Next(1, 12))),
            };
        }
        return text;
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Text(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"System\.|Playout\.|Microsoft\.|Exception|\s+at \S+\(|\.cs:line|`1|BytePositionInLine|LineNumber:|Path: \$")]
    private static partial Regex DotNetText();
}
