using System.Text;
using System.Text.Json;
using Playout.Automation.AsRun;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Monitoring;

/// <summary>
/// Monitoring as `./playout run` serves it, end to end with real peers: a service process playing a looping schedule of
/// clips with sound, its SNMP agent read by net-snmp's snmpwalk and snmptable, its traps received by snmptrapd. Pulling
/// a clip away shows the alarm in the walk, in a trap and in REST, and acknowledging it over REST shows there too.
/// </summary>
public class MonitoringServiceTests
{
    private const string Enterprise = "1.3.6.1.4.1.32473";

    private static ToolResult Snmp(string tool, params string[] arguments) =>
        ExternalTool.Execute(tool, arguments, environment: new Dictionary<string, string> { ["SNMPCONFPATH"] = Path.GetTempPath() });

    [Fact]
    public async Task A_clip_pulled_away_is_an_alarm_in_the_snmp_walk_in_a_trap_and_in_rest_and_each_item_has_its_loudness()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("media"));
        foreach (string clip in (string[])["clip-a.ts", "clip-b.ts"])
        {
            Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=3", "-f", "lavfi", "-i", "sine=frequency=1000:duration=3",
                "-ac", "2", "-c:v", "mpeg2video", "-c:a", "mp2", folder.File($"media/{clip}"));
        }
        using var traps = await TrapReceiver.Start();
        int http = FreePorts.Tcp(), snmp = FreePorts.Udp();
        string template = folder.Write("day.yaml", Encoding.UTF8.GetBytes("""
            date: 2026-01-01
            events:
              - id: loop
                kind: block
                loop: true
                duration: "24:00:00"
                children:
                  - { id: clip-a, kind: clip, source: clip-a.ts, duration: "00:00:03" }
                  - { id: clip-b, kind: clip, source: clip-b.ts, duration: "00:00:03" }
            """));
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "media": "media",
              "state": "state",
              "snmp": { "enabled": true, "listen": "127.0.0.1:{{snmp}}", "managers": [ { "address": "127.0.0.1:{{traps.Port}}" } ] },
              "channels": [{
                "name": "news",
                "format": "576i50",
                "clock": "system",
                "automation": { "template": "{{template}}", "timeZone": "UTC", "dayStart": "06:00" },
                "outputs": []
              }]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        try
        {
            await service.WaitUntilServing();
            using var client = service.Client();
            var walk = await Until(() => Snmp("snmpwalk", "-v2c", "-c", "public", "-On", $"127.0.0.1:{snmp}", Enterprise),
                w => w.OutputText.Contains("STRING: \"news\""), TimeSpan.FromSeconds(20));
            Assert.Contains($".{Enterprise}.1.2.1.1.2.1 = STRING: \"news\"", walk.OutputText);

            // The programme's loudness is live in REST once a clip's tone has played 3 s.
            var meter = await Until(async () => (await Json(client, "/api/channels/1")).GetProperty("loudness").GetProperty("meters")[0],
                m => m.GetProperty("shortTerm").ValueKind == JsonValueKind.Number, TimeSpan.FromSeconds(20));
            Assert.InRange(meter.GetProperty("shortTerm").GetDouble(), -40, -10);

            // Every metric the sample Grafana dashboard draws is served (loudness ones once there is sound to measure).
            using (var viewer = service.Client())
            {
                string metrics = await viewer.GetStringAsync("/metrics");
                var drawn = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Repository.File("configs/grafana-playout.json")), @"playout_[a-z_]+")
                    .Select(m => m.Value).Distinct().ToArray();
                Assert.True(drawn.Length >= 10, string.Join(", ", drawn));
                Assert.All(drawn, name => Assert.Contains($"\n{name}{{", metrics));
            }

            // The media check's alarm stands while the file is missing; the layer's own alarm for the failed clip clears
            // as the next clip plays, and once acknowledged a cleared alarm leaves the table.
            File.Delete(folder.File("media/clip-b.ts"));
            var alarm = await Until(async () => (await Json(client, "/api/alarms")).EnumerateArray()
                    .FirstOrDefault(a => a.GetProperty("source").GetString() == "news/media" && a.GetProperty("message").GetString()!.Contains("clip-b.ts")),
                a => a.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(30));
            long id = alarm.GetProperty("id").GetInt64();
            string text = alarm.GetProperty("message").GetString()!;

            var alarms = Snmp("snmpwalk", "-v2c", "-c", "public", "-On", $"127.0.0.1:{snmp}", $"{Enterprise}.1.4");
            Assert.Contains($".{Enterprise}.1.4.1.1.2.{id} = STRING: \"{alarm.GetProperty("source").GetString()}\"", alarms.OutputText);
            Assert.True(await traps.WaitFor($".{Enterprise}.0.1", TimeSpan.FromSeconds(10)), traps.Log);
            Assert.True(await traps.WaitFor(text, TimeSpan.FromSeconds(10)), traps.Log);
            var table = Snmp("snmptable", "-v2c", "-c", "public", "-M", $"+{Repository.File("configs")}:{Repository.File("configs/mibs")}", "-m", "+PLAYOUT-MIB",
                "-Ci", $"127.0.0.1:{snmp}", "PLAYOUT-MIB::alarmTable");
            Assert.True(table.ExitCode == 0, table.Error);
            Assert.Contains(text, table.OutputText);

            using var engineer = service.Client(File.ReadAllText(folder.File("state/api-token")).Trim());
            Assert.True((await engineer.PostAsync($"/api/alarms/{id}/ack?comment=restored", null)).IsSuccessStatusCode);
            var acked = Snmp("snmpget", "-v2c", "-c", "public", "-On", $"127.0.0.1:{snmp}", $"{Enterprise}.1.4.1.1.6.{id}");
            Assert.Contains("INTEGER: 1", acked.OutputText);
            Assert.True(await traps.WaitFor($".{Enterprise}.0.3", TimeSpan.FromSeconds(10)), traps.Log);

            // clip-a has aired whole at least once more by now: its loudness note is in the as-run log (a first airing
            // joined in progress at start-up may be too short for the meter's gates, and its note has no figure).
            string journal = folder.File($"state/asrun/news/{DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-6)):yyyy-MM-dd}.jsonl");
            var note = await Until(() => AsRunJournal.ReadFile(journal).FirstOrDefault(e => e.Kind == "loudness" && e.EventId == "clip-a" && e.Loudness is not null),
                n => n is not null, TimeSpan.FromSeconds(20));
            Assert.InRange(note!.Loudness!.Value, -40, -10);
            Assert.Equal(AsRunStatus.Probe, note.Status);
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
    }

    private static async Task<JsonElement> Json(HttpClient client, string path)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(path));
        return json.RootElement.Clone();
    }

    private static Task<T> Until<T>(Func<T> read, Func<T, bool> done, TimeSpan limit) => Until(() => Task.FromResult(read()), done, limit);

    private static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not reached in {limit.TotalSeconds} s; last: {last}");
            await Task.Delay(250);
            last = await read();
        }
        return last;
    }
}
