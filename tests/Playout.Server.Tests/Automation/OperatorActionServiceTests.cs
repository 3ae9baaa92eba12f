using System.Net;
using System.Text;
using System.Text.Json;
using Playout.Automation.AsRun;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Automation;

/// <summary>
/// The operator panel's actions over REST against a running service: jump, insert, emergency and clear, graphics, the take
/// debounce; each refused with a reason (4xx naming a bad clip or input), logged with who, in the as-run log, the channel on air.
/// </summary>
public class OperatorActionServiceTests
{
    private const string Viewer = "viewer-token-0123456789", Operator = "operator-token-0123456789";

    private static string Config(TempDirectory folder, int http, int udp)
    {
        Directory.CreateDirectory(folder.File("media"));
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-c:v", "mpeg2video", folder.File("media/clip.ts"));
        // A day of 1-hour events from the template, so there is always an event on air and several ahead.
        var events = string.Concat(Enumerable.Range(0, 24).Select(h =>
            $"  - {{ id: h{h:00}, kind: filler, source: \"#{40 + h:00}4040\", duration: \"{(h == 23 ? "00:59:59" : "01:00:00")}\" }}\n"));
        string template = folder.Write("template.yaml", Encoding.UTF8.GetBytes("date: 2026-01-01\nevents:\n" + events));
        return folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "media": "media",
              "state": "state",
              "panel": { "takeDebounceMs": 10000 },
              "api": { "tokens": [
                { "name": "wall", "token": "{{Viewer}}", "role": "viewer" },
                { "name": "desk", "token": "{{Operator}}", "role": "operator" } ] },
              "channels": [{
                "name": "ops channel",
                "format": "720p50",
                "clock": "system",
                "inputs": [ { "name": "studio", "type": "stream", "url": "udp://127.0.0.1:{{udp}}", "layer": 5 } ],
                "automation": { "template": "{{template}}", "timeZone": "UTC" },
                "outputs": []
              }]
            }
            """));
    }

    [Fact]
    public async Task Jump_insert_emergency_and_graphics_act_over_rest_refuse_bad_requests_by_name_and_show_in_the_as_run_log()
    {
        using var folder = new TempDirectory();
        int port = FreePorts.Tcp();
        using var service = ServiceProcess.Start(Config(folder, port, FreePorts.Udp()), $"127.0.0.1:{port}");
        try
        {
            await service.WaitUntilServing();
            using var viewer = service.Client(Viewer);
            using var desk = service.Client(Operator);
            var onAir = await WaitFor(viewer, s => s.GetProperty("onAir").ValueKind == JsonValueKind.Object && s.GetProperty("onAir").GetProperty("id").GetString()!.StartsWith('h'));
            int hour = int.Parse(onAir.GetProperty("onAir").GetProperty("id").GetString()![1..], System.Globalization.CultureInfo.InvariantCulture);
            string later = $"h{(hour + 2) % 24:00}";

            // Viewers see, operators act.
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/channels/1/emergency", Json("""{"to":"filler"}"""))).StatusCode);

            // The next event is a colour, not a clip: no cued still.
            await Refused(viewer.GetAsync("/api/channels/1/cued.jpg"), HttpStatusCode.NotFound, "no clip is pre-rolled next");

            // Jump: the event after next becomes next; the next one is skipped.
            Assert.Equal(HttpStatusCode.BadRequest, (await desk.PostAsync("/api/channels/1/next", null)).StatusCode);
            await Refused(desk.PostAsync("/api/channels/1/next?id=nowhere", null), HttpStatusCode.Conflict, "there is no event nowhere ahead");
            Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync($"/api/channels/1/next?id={later}", null)).StatusCode);
            await WaitFor(viewer, s => s.GetProperty("next").GetProperty("id").GetString() == later);

            // Insert: bad requests are named; a missing clip is 404, one outside the media roots 400, an unknown input 404.
            await Refused(desk.PostAsync("/api/channels/1/insert", Json("""{"source":"gone.mxf","duration":"00:00:05:00"}""")), HttpStatusCode.NotFound,
                "clip 'gone.mxf' is not in the media folder");
            await Refused(desk.PostAsync("/api/channels/1/insert", Json("""{"source":"../../etc/passwd","duration":"00:00:05:00"}""")), HttpStatusCode.BadRequest,
                "'../../etc/passwd' is outside the media roots");
            await Refused(desk.PostAsync("/api/channels/1/insert", Json("""{"source":"backstage","kind":"live","when":"now"}""")), HttpStatusCode.NotFound,
                "channel 1 has no input 'backstage' (its inputs: studio)");
            await Refused(desk.PostAsync("/api/channels/1/insert", Json("""{"source":"clip.ts","kind":"tape"}""")), HttpStatusCode.BadRequest,
                "\\\"kind\\\" must be clip or live; got 'tape'");
            await Refused(desk.PostAsync("/api/channels/1/insert", Json("""{"source":"clip.ts","speed":2}""")), HttpStatusCode.BadRequest, "unknown field 'speed'");
            await Refused(desk.PostAsync("/api/channels/1/insert", Json("""{"source":"clip.ts","when":1}""")), HttpStatusCode.BadRequest,
                "\\\"when\\\" must be a string");
            await Refused(desk.PostAsync("/api/channels/1/insert", Json("not json")), HttpStatusCode.BadRequest, "the body is not JSON (line 1, byte 2)");
            await Refused(desk.PostAsync("/api/channels/1/insert", Json("""{"source":"clip.ts",""")), HttpStatusCode.BadRequest, "the body is not JSON (line 1, byte 20)");
            await Refused(desk.PostAsync("/api/channels/1/emergency", Json("""{"to":"filler","to":"slate"}""")), HttpStatusCode.BadRequest,
                "field 'to' is given twice");

            // An insert now goes to air at once; a take straight after it is a double press, refused (the debounce is 10 s
            // here, so a slow machine between the two requests does not turn it into a second press).
            Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync("/api/channels/1/insert", Json("""{"source":"clip.ts","duration":"00:00:02:00","when":"now"}"""))).StatusCode);
            await Refused(desk.PostAsync("/api/channels/1/take", null), HttpStatusCode.Conflict, "take ignored: the last cut was");
            var inserted = await WaitFor(viewer, s => s.GetProperty("onAir").GetProperty("id").GetString()!.StartsWith("insert-", StringComparison.Ordinal));
            Assert.Equal("insert: clip.ts", inserted.GetProperty("onAir").GetProperty("title").GetString());

            // Emergency: unknown input 404, bad target 400; to the studio input, then cleared; clearing twice is refused.
            await Refused(desk.PostAsync("/api/channels/1/emergency", Json("""{"to":"input","input":"backstage"}""")), HttpStatusCode.NotFound,
                "channel 1 has no input 'backstage'");
            await Refused(desk.PostAsync("/api/channels/1/emergency", Json("""{"to":"bars"}""")), HttpStatusCode.BadRequest, "\\\"to\\\" must be filler, slate or input");
            await Refused(desk.PostAsync("/api/channels/1/emergency", Json("""{"to":"slate"}""")), HttpStatusCode.Conflict, "channel 1 has no slate");
            Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync("/api/channels/1/emergency", Json("""{"to":"input","input":"studio"}"""))).StatusCode);
            var emergency = (await Status(viewer)).GetProperty("emergency");
            Assert.Equal(("input", "studio", "desk"), (emergency.GetProperty("to").GetString(), emergency.GetProperty("input").GetString(), emergency.GetProperty("who").GetString()));
            Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync("/api/channels/1/emergency/clear", null)).StatusCode);
            await Refused(desk.PostAsync("/api/channels/1/emergency/clear", null), HttpStatusCode.Conflict, "no emergency is in force");
            Assert.Equal(JsonValueKind.Null, (await Status(viewer)).GetProperty("emergency").ValueKind);

            // Graphics off and on.
            Assert.Equal(HttpStatusCode.BadRequest, (await desk.PostAsync("/api/channels/1/graphics", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync("/api/channels/1/graphics?on=false", null)).StatusCode);
            Assert.False((await Status(viewer)).GetProperty("graphicsOn").GetBoolean());
            await Refused(desk.PostAsync("/api/channels/1/graphics?on=false", null), HttpStatusCode.Conflict, "graphics are already off");
            Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync("/api/channels/1/graphics?on=true", null)).StatusCode);

            // The channel stayed on air throughout.
            using var engine = JsonDocument.Parse(await viewer.GetStringAsync("/api/channels"));
            Assert.True(engine.RootElement[0].GetProperty("onAir").GetBoolean());
        }
        finally
        {
            Assert.Equal(0, service.Stop());
        }
        string log = await service.Output;
        Assert.Contains("emergency to input studio by desk", log);
        var day = DateOnly.FromDateTime(DateTime.UtcNow - TimeSpan.FromHours(6));
        var notes = AsRunJournal.ReadFile(Path.Combine(folder.Path, "state", "asrun", "ops-channel", $"{day:yyyy-MM-dd}.jsonl"))
            .Where(e => e.Status == AsRunStatus.Operator).Select(e => e.Reason!).ToList();
        Assert.Collection(notes,
            n => Assert.Matches(@"^jump to h\d\d by desk at \d\d:\d\d:\d\d:\d\d$", n),
            n => Assert.StartsWith("insert clip.ts as insert-", n),
            n => Assert.StartsWith("emergency: cut to input studio by desk at ", n),
            n => Assert.StartsWith("emergency cleared by desk at ", n),
            n => Assert.StartsWith("graphics off by desk at ", n),
            n => Assert.StartsWith("graphics on by desk at ", n));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task Refused(Task<HttpResponseMessage> request, HttpStatusCode code, string reason)
    {
        using var answer = await request;
        string body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == code, $"{answer.StatusCode}: {body}");
        Assert.True(body.Contains(reason), body);
    }

    private static async Task<JsonElement> Status(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/channels/1/automation")).RootElement;

    private static async Task<JsonElement> WaitFor(HttpClient client, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            var answer = await client.GetAsync("/api/channels/1/automation");
            if (answer.IsSuccessStatusCode)
            {
                last = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
                try
                {
                    if (condition(last))
                        return last;
                }
                catch (InvalidOperationException)
                {
                    // A part not there yet (nothing on air, no next).
                }
                catch (KeyNotFoundException)
                {
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the status never matched; last: {last}");
    }
}
