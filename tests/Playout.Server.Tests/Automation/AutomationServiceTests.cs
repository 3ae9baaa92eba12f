using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Playout.Automation.AsRun;
using Playout.Server.Tests.Cli;
using Playout.Server.Tests.Service;
using Playout.TestSupport;

namespace Playout.Server.Tests.Automation;

/// <summary>The automated service as a process: REST with token roles, the status stream, schedule loads, the CLI, and crash safety.</summary>
/// <remarks>Alone: the crash test holds every cut of 5-frame items to its frame, which two cores shared with other services cannot promise.</remarks>
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class AutomationServiceTests
{
    private const string Viewer = "viewer-token-0123456789", Operator = "operator-token-0123456789", Engineer = "engineer-token-0123456789";

    private static string Config(TempDirectory folder, int http, string template)
    {
        Directory.CreateDirectory(folder.File("media"));
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-c:v", "mpeg2video", folder.File("media/clip.ts"));
        return folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "media": "media",
              "logs": "logs",
              "state": "state",
              "api": { "tokens": [
                { "name": "wall", "token": "{{Viewer}}", "role": "viewer" },
                { "name": "desk", "token": "{{Operator}}", "role": "operator" },
                { "name": "eng", "token": "{{Engineer}}", "role": "engineer" } ] },
              "channels": [{
                "name": "test channel",
                "format": "576i50",
                "clock": "system",
                "automation": { "template": "{{folder.Write("template.yaml", Encoding.UTF8.GetBytes(template))}}", "timeZone": "UTC", "dayStart": "06:00" },
                "outputs": []
              }]
            }
            """));
    }

    /// <summary>The broadcast day (06:00 UTC start) an instant falls in.</summary>
    private static DateOnly BroadcastDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime - TimeSpan.FromHours(6));

    [Fact]
    public async Task Roles_guard_the_api_the_status_streams_ten_times_a_second_and_a_loaded_schedule_runs_with_operator_takes()
    {
        using var folder = new TempDirectory();
        int port = FreePorts.Tcp();
        using var service = ServiceProcess.Start(Config(folder, port, """
            date: 2026-01-01
            events:
              - { id: all-day, kind: filler, source: "#404040", duration: "23:59:59" }
            """), $"127.0.0.1:{port}");
        try
        {
            await service.WaitUntilServing();
            using var anonymous = service.Client();
            using var viewer = service.Client(Viewer);
            using var engineer = service.Client(Engineer);

            var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
            Assert.Contains("/api/channels/{number}/take", openApi);
            Assert.Contains("/api/channels/{number}/schedule/{day}/events", openApi);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/channels")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/channels/1/take", null)).StatusCode);
            // A page of another site cannot make changes, even with a token at hand.
            using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/channels/1/hold") { Headers = { { "Origin", "http://evil.example" } } };
            forged.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Operator);
            Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.SendAsync(forged)).StatusCode);
            // The day's event, under way since 06:00, joins in progress a second after start-up.
            await WaitFor(viewer, s => s.GetProperty("onAir").GetProperty("id").GetString() == "all-day", TimeSpan.FromSeconds(10));

            // The status stream: at least 10 updates a second, each naming what is on air. A token never goes in a URL: a
            // browser's EventSource opens it with a single-use ticket.
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/channels/1/automation?access_token=" + Viewer)).StatusCode);
            using var ticket = JsonDocument.Parse(await (await viewer.PostAsync("/api/stream-ticket", null)).Content.ReadAsStringAsync());
            Assert.Equal(30, ticket.RootElement.GetProperty("expiresInSeconds").GetInt32());
            string stream = service.Url + "/api/channels/1/automation/stream?ticket=" + ticket.RootElement.GetProperty("value").GetString();
            // Over 3 s, so a pause of the freshly started service (its first compilations on a loaded machine) is averaged out:
            // the stream sends every 80 ms, 37 updates; 10 a second is the promise.
            int updates = await CountStreamUpdates(stream, TimeSpan.FromSeconds(3));
            Assert.True(updates >= 30, $"{updates} status updates in 3 s");
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(stream, HttpCompletionOption.ResponseHeadersRead)).StatusCode);

            // An invalid file changes nothing and says where it is wrong.
            var bad = await engineer.PutAsync("/api/channels/1/schedule?name=bad.yaml",
                new StringContent("date: 2026-01-01\nevents:\n  - { id: x, kind: filler, duration: \"soon\" }\n"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            string badBody = await bad.Content.ReadAsStringAsync();
            Assert.Contains("bad.yaml", badBody);
            Assert.Contains("line 3", badBody);
            // Malformed YAML and a source outside the media folder are refused the same way, never a 500.
            var malformed = await engineer.PutAsync("/api/channels/1/schedule?name=broken.yaml",
                new StringContent("- { id: a, kind: clip, source: x.mp4\n- id: [\n"));
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Contains("broken.yaml, line 2", await malformed.Content.ReadAsStringAsync());
            var escape = await engineer.PutAsync("/api/channels/1/schedule?name=escape.yaml",
                new StringContent("date: 2026-01-01\nevents:\n  - { id: x, kind: clip, source: ../../etc/passwd }\n"));
            Assert.Equal(HttpStatusCode.BadRequest, escape.StatusCode);
            Assert.Contains("'../../etc/passwd' is outside the media roots", await escape.Content.ReadAsStringAsync());

            // Today: a fixed event a few seconds from now, then a manual one. Replacing the day on air needs force.
            var at = DateTimeOffset.UtcNow.AddSeconds(4);
            var day = BroadcastDay(at);
            string schedule = $$"""
                date: {{day:yyyy-MM-dd}}
                events:
                  - { id: promo, kind: filler, source: "#505050", start: "{{at.UtcDateTime:HH:mm:ss}}", duration: "00:00:02" }
                  - { id: studio, kind: filler, source: "#A0A0A0", timing: manual, duration: "00:01:00" }
                """;
            var refused = await engineer.PutAsync("/api/channels/1/schedule?name=today.yaml", new StringContent(schedule));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("on air", await refused.Content.ReadAsStringAsync());
            var loaded = await engineer.PutAsync("/api/channels/1/schedule?name=today.yaml&force=true", new StringContent(schedule));
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);

            await WaitFor(viewer, s => s.GetProperty("next").GetProperty("id").GetString() == "studio"
                && s.GetProperty("onAir").GetProperty("id").GetString() == "filler", TimeSpan.FromSeconds(15));
            var take = CliRunner.Run("ctl", "take", "--channel", "1", "--url", service.Url, "--token", Operator);
            Assert.True(take.Code == 0, take.Error);
            await WaitFor(viewer, s => s.GetProperty("onAir").GetProperty("id").GetString() == "studio", TimeSpan.FromSeconds(5));
            Assert.Equal(2, CliRunner.Run("ctl", "take", "--channel", "1", "--url", service.Url, "--token", Viewer).Code);
            // Release is a transition from held only: refused (409) with the reason while the event runs unheld.
            var release = CliRunner.Run("ctl", "release", "--channel", "1", "--url", service.Url, "--token", Operator);
            Assert.Equal(2, release.Code);
            Assert.Contains("nothing is held", release.Error);
            var status = await Json(viewer, "/api/channels/1/automation");
            Assert.Equal("running", status.GetProperty("mode").GetString());

            // Tomorrow: a clip whose length comes from the media library, and one the library does not have.
            var tomorrow = $$"""
                date: {{day.AddDays(1):yyyy-MM-dd}}
                events:
                  - { id: opener, kind: clip, source: clip.ts }
                  - { id: lost, kind: clip, source: missing.mxf, duration: "00:00:10" }
                  - { id: gone, kind: clip, source: gone.mxf }
                """;
            var load = CliRunner.Run("schedule", "load", "--channel", "1", folder.Write("tomorrow.yaml", Encoding.UTF8.GetBytes(tomorrow)),
                "--url", service.Url, "--token", Engineer);
            Assert.True(load.Code == 0, load.Error);
            Assert.Contains("loaded on channel 1", load.Output);
            // A script adds to tomorrow on the service, atomically; a failing one changes nothing.
            var script = CliRunner.Run("script", "run", folder.Write("add.csx", Encoding.UTF8.GetBytes(
                """Day(Tomorrow).Add(Filler("scripted", "#303030", "00:00:05")); Log("added");""")),
                "--channel", "1", "--url", service.Url, "--token", Engineer);
            Assert.True(script.Code == 0, script.Error);
            Assert.Contains("added", script.Output);
            var broken = CliRunner.Run("script", "run", folder.Write("broken.csx", Encoding.UTF8.GetBytes("Day(Tomorrow).Add(Nothing());")),
                "--channel", "1", "--url", service.Url, "--token", Engineer);
            Assert.Equal(2, broken.Code);
            Assert.Contains("Nothing", broken.Error);
            var tomorrowEvents = await Json(viewer, $"/api/channels/1/schedule/{day.AddDays(1):yyyy-MM-dd}");
            Assert.Equal(["opener", "lost", "gone", "scripted"], tomorrowEvents.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
            var alarm = await WaitForAlarm(viewer, "test channel/media", TimeSpan.FromSeconds(10));
            Assert.Contains("missing.mxf' is not in the media library", alarm);
            Assert.Contains("gone.mxf' is not in the media library", alarm);
            Assert.DoesNotContain("clip.ts", alarm);
            await AcknowledgedEverywhere(service, viewer, folder, day);
            using var media = JsonDocument.Parse(await viewer.GetStringAsync("/api/media?search=clip"));
            var clip = media.RootElement.GetProperty("items").EnumerateArray().Single();
            Assert.Equal(2.0, TimeSpan.Parse(clip.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture).TotalSeconds, 1);
            var thumbnail = await viewer.GetByteArrayAsync("/api/media/thumbnail?path=" + Uri.EscapeDataString(clip.GetProperty("path").GetString()!));
            Assert.Equal([0xFF, 0xD8], thumbnail[..2]);
            var plan = await Json(viewer, "/api/channels/1/schedule/plan?hours=48");
            var opener = plan.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "opener");
            Assert.Equal("00:00:02:00", opener.GetProperty("duration").GetString());

            var csv = CliRunner.Run("asrun", "export", "--channel", "1", "--day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "--url", service.Url, "--token", Viewer);
            Assert.True(csv.Code == 0, csv.Error);
            Assert.True(csv.Output.Contains($"test channel,{day:yyyy-MM-dd},promo,#505050,filler,#505050,played,"), csv.Output);
            Assert.True(csv.Output.Contains(",filler,filler,,filler,"), csv.Output);
            Assert.True(csv.Output.Contains($"test channel,{day:yyyy-MM-dd},all-day,#404040,filler,#404040,truncated,"), csv.Output);
        }
        finally
        {
            Assert.Equal(0, service.Stop());
        }
        Assert.Contains("take by desk", await service.Output);
        // The take is on the as-run entry of the event it took (written when the service stopped with it on air), with who and when.
        // (The probes' notes on it are no items: silence, black.)
        var studio = AsRunJournal.ReadFile(Path.Combine(folder.Path, "state", "asrun", "test-channel", $"{BroadcastDay(DateTimeOffset.UtcNow):yyyy-MM-dd}.jsonl"))
            .Single(e => e.EventId == "studio" && e.Status.IsItem());
        Assert.Matches(@"^taken by desk at \d\d:\d\d:\d\d:\d\d$", studio.Actions);
    }

    [Fact]
    public async Task The_as_run_journal_survives_kill_minus_9_with_every_entry_intact_and_the_restarted_service_resumes_it_its_schedule_and_its_version()
    {
        using var folder = new TempDirectory();
        int port = FreePorts.Tcp();
        // Short events, so entries come five times a second.
        string config = Config(folder, port, """
            date: 2026-01-01
            events:
              - id: loop
                kind: block
                loop: true
                duration: "23:59:59"
                children:
                  - { id: x, kind: filler, source: "#404040", duration: "00:00:00:05" }
                  - { id: y, kind: filler, source: "#606060", duration: "00:00:00:05" }
            """);
        var day = BroadcastDay(DateTimeOffset.UtcNow);
        string journal = Path.Combine(folder.Path, "state", "asrun", "test-channel", $"{day:yyyy-MM-dd}.jsonl");
        IReadOnlyList<AsRunEntry> before;
        long versionBefore;
        using (var first = ServiceProcess.Start(config, $"127.0.0.1:{port}"))
        {
            await first.WaitUntilServing();
            using var engineer = first.Client(Engineer);
            var tomorrow = day.AddDays(1);
            // Several edits, so the version reached is more than reloading the saved days would count (2).
            foreach (string id in (string[])["kept", "kept-2", "kept-3", "kept-4"])
            {
                var inserted = await engineer.PostAsync($"/api/channels/1/schedule/{tomorrow:yyyy-MM-dd}/events",
                    new StringContent($$"""{ "id": "{{id}}", "kind": "filler", "source": "#808080", "duration": "00:00:10" }""", Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);
            }
            versionBefore = (await Json(engineer, "/api/channels/1/schedule")).GetProperty("version").GetInt64();
            Assert.True(versionBefore > 2, $"version {versionBefore}");
            await WaitUntil(() => AsRunJournal.ReadFile(journal).Count(e => e.Status.IsItem()) >= 12, TimeSpan.FromSeconds(30));
            first.Kill();
            before = [.. AsRunJournal.ReadFile(journal).Where(e => e.Status.IsItem())];
        }
        Assert.True(before.Count >= 12, $"{before.Count} entries");
        // After the item joined at start-up, every item's entry (alarms are noted too: slips while starting) is whole, played
        // and ends on its planned frame, or up to three later: a cut queued while the new service still compiles can land a
        // frame or two late on two loaded cores (the item after it keeps its planned end). Entries follow one another without
        // a gap or an overlap.
        Assert.All(before.Skip(1), e =>
        {
            Assert.Equal(AsRunStatus.Played, e.Status);
            Assert.InRange(e.ActualTick!.Value + e.ActualFrames - (e.PlannedTick!.Value + 5), 0, 3);
            Assert.Matches(@"^\d\d:\d\d:\d\d:\d\d$", e.ActualTimecode);
        });
        Assert.All(before.Zip(before.Skip(1)), pair => Assert.Equal(pair.First.ActualTick + pair.First.ActualFrames, pair.Second.ActualTick));
        string[] linesBefore = File.ReadAllLines(journal).Where(l => l.Length > 0).ToArray();

        using var second = ServiceProcess.Start(config, $"127.0.0.1:{port}");
        try
        {
            await second.WaitUntilServing();
            await WaitUntil(() => File.ReadAllLines(journal).Length >= linesBefore.Length + 5, TimeSpan.FromSeconds(30));
            var after = AsRunJournal.ReadFile(journal);
            Assert.Equal(linesBefore, File.ReadAllLines(journal).Take(linesBefore.Length));
            Assert.True(after.Count >= before.Count + 5);
            using var viewer = second.Client(Viewer);
            var schedule = await Json(viewer, "/api/channels/1/schedule");
            Assert.Contains(day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                schedule.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
            // The version goes on from where it was: a client's "changed since version N" check stays true across restarts.
            Assert.Equal(versionBefore, schedule.GetProperty("version").GetInt64());
        }
        finally
        {
            Assert.Equal(0, second.Stop());
        }
    }

    private static async Task<JsonElement> Json(HttpClient client, string path)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(path));
        return json.RootElement.Clone();
    }

    private static async Task WaitFor(HttpClient client, Func<JsonElement, bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await Json(client, "/api/channels/1/automation");
            try
            {
                if (condition(last))
                    return;
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                // A field the condition reads is absent (null) for now.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"automation status never matched; last: {last}");
    }

    /// <summary>
    /// The media alarm acknowledged through REST by an operator is acknowledged in the list, in the alarm journal and in the
    /// channel's as-run log; a viewer may not, and junk ids and comments get plain answers.
    /// </summary>
    private static async Task AcknowledgedEverywhere(ServiceProcess service, HttpClient viewer, TempDirectory folder, DateOnly day)
    {
        using var desk = service.Client(Operator);
        var listed = (await Json(viewer, "/api/alarms")).EnumerateArray().Single(a => a.GetProperty("source").GetString() == "test channel/media");
        long id = listed.GetProperty("id").GetInt64();
        Assert.Equal(("test channel", "channel", "warning"),
            (listed.GetProperty("channel").GetString(), listed.GetProperty("kind").GetString(), listed.GetProperty("severity").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/alarms/{id}/ack", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsync("/api/alarms/999999/ack", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.PostAsync($"/api/alarms/{id}/ack?comment={new string('x', 501)}", null)).StatusCode);
        var acked = await desk.PostAsync($"/api/alarms/{id}/ack?comment=files%20on%20the%20way", null);
        Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        var ack = (await Json(viewer, $"/api/alarms/{id}")).GetProperty("ack");
        Assert.Equal(("desk", "files on the way"), (ack.GetProperty("who").GetString(), ack.GetProperty("comment").GetString()));
        string alarmJournal = folder.File("state/alarms/alarms.jsonl");
        await WaitUntil(() => File.ReadAllText(alarmJournal).Contains("\"acknowledged\""), TimeSpan.FromSeconds(5));
        string asRun = folder.File($"state/asrun/test-channel/{BroadcastDay(DateTimeOffset.UtcNow):yyyy-MM-dd}.jsonl");
        await WaitUntil(() => AsRunJournal.ReadFile(asRun).Any(e => e.Key == $"alarm {id}" && e.Reason == "acknowledged by desk: files on the way"),
            TimeSpan.FromSeconds(5));
        using var anonymous = service.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        string metrics = await viewer.GetStringAsync("/metrics");
        Assert.Matches(@"playout_channel_ticks_total\{[^}]*channel=""test channel""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"playout_alarms_raised_total\{?[^ ]* [1-9]", metrics);
    }

    private static async Task<string> WaitForAlarm(HttpClient client, string source, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            using var alarms = JsonDocument.Parse(await client.GetStringAsync("/api/alarms"));
            if (alarms.RootElement.EnumerateArray().FirstOrDefault(a => a.GetProperty("source").GetString() == source) is { ValueKind: JsonValueKind.Object } alarm)
                return alarm.GetProperty("message").GetString()!;
            await Task.Delay(200);
        }
        throw new TimeoutException($"no alarm from {source}");
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("condition not met in time");
            await Task.Delay(100);
        }
    }

    /// <summary>The updates a status stream sends in <paramref name="window"/> from its first (opening it and the first answer are not the stream's rate).</summary>
    private static async Task<int> CountStreamUpdates(string url, TimeSpan window)
    {
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        int updates = 0;
        try
        {
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (updates == 0 && line.StartsWith("data: ", StringComparison.Ordinal))
                    stop.CancelAfter(window);
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    using var json = JsonDocument.Parse(line["data: ".Length..]);
                    Assert.True(json.RootElement.TryGetProperty("onAir", out _));
                    updates++;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return updates;
    }
}
