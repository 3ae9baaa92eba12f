using Playout.Automation.Scripting;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>A configuration's problems are reported all at once, each with the file, its line and the field, in plain words.</summary>
public sealed class ServiceConfigTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string[] Problems(string json)
    {
        string path = _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes(json));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.DoesNotContain("System.", error.Message);
        Assert.DoesNotContain("Path: $", error.Message);
        return error.Message.Split(Environment.NewLine).Select(line => line.Replace(path, "FILE")).ToArray();
    }

    [Fact]
    public void Every_kind_and_field_problem_is_listed_with_its_line()
    {
        var problems = Problems("""
            {
              "http": 8080,
              "demoMedia": "yes",
              "colour": "red",
              "channels": [
                {
                  "format": "1080i50",
                  "clock": "atomic",
                  "videoFrames": 12.5,
                  "outputs": [ { "type": "preview", "width": "wide" } ]
                }
              ]
            }
            """);

        Assert.StartsWith("FILE, line 4: colour: unknown field; expected one of http, media, logs, ", problems[2]);
        Assert.Contains(" channels, ", problems[2]);
        problems[2] = "(unknown field)";
        Assert.Equal(
        [
            "FILE, line 2: http: expected text, found 8080",
            "FILE, line 3: demoMedia: expected true or false, found \"yes\"",
            "(unknown field)",
            "FILE, line 8: channels[0].clock: expected one of \"genlock\", \"system\", \"unthrottled\", \"ptp\", found \"atomic\"",
            "FILE, line 9: channels[0].videoFrames: expected a whole number from -2147483648 to 2147483647, found 12.5",
            "FILE, line 10: channels[0].outputs[0].width: expected a whole number from -2147483648 to 2147483647, found \"wide\"",
            "FILE, line 6: channels[0].name: missing",
        ], problems);
    }

    [Fact]
    public void A_filler_hold_outside_0_to_60_seconds_is_refused_at_its_line()
    {
        var problems = Problems("""
            {
              "channels": [
                { "name": "a", "format": "720p50", "clock": "system", "filler": { "color": "black", "holdSeconds": 61 } }
              ]
            }
            """);

        Assert.Equal(["FILE, line 3: channels[0].filler.holdSeconds: 61 is not a number of seconds from 0 to 60"], problems);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("300.5")]
    public void An_end_of_schedule_warning_outside_0_to_300_minutes_is_refused_at_its_line(string minutes)
    {
        var problems = Problems($$"""
            {
              "channels": [
                { "name": "a", "format": "720p50", "clock": "system",
                  "automation": { "endWarningMinutes": {{minutes}} } }
              ]
            }
            """);

        Assert.Equal([$"FILE, line 4: channels[0].automation.endWarningMinutes: {minutes} is not a number of minutes from 0 to 300"], problems);
    }

    [Theory]
    [InlineData("", 30)]
    [InlineData(", \"endWarningMinutes\": 12", 12)]
    [InlineData(", \"endWarningMinutes\": 0", 0)]
    public void The_end_of_schedule_warning_is_read_with_a_default_of_30_minutes(string field, double minutes)
    {
        string path = _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes($$"""
            { "channels": [ { "name": "a", "format": "720p50", "clock": "system", "automation": { "timeZone": "UTC"{{field}} } } ] }
            """));

        Assert.Equal(TimeSpan.FromMinutes(minutes), ServiceConfig.Load(path).Channels[0].Automation!.EndWarning);
    }

    [Fact]
    public void Every_value_problem_is_listed_with_its_line()
    {
        var problems = Problems("""
            {
              "channels": [
                {
                  "name": "one",
                  "format": "1080x50",
                  "clock": "system",
                  "videoFrames": 4,
                  "automation": { "timeZone": "Mars/Olympus", "dayStart": "25:00" }
                },
                { "name": "one", "format": "720p50", "clock": "system" }
              ],
              "devices": [ { "name": "gpi", "driver": "serial" } ],
              "sourceProtocols": [ "udp", "HTTP://" ]
            }
            """);

        Assert.Equal(
        [
            "FILE, line 7: channels[0].videoFrames: at least 16 frames are needed; got 4",
            "FILE, line 5: channels[0].format: unknown video format '1080x50'; run 'playout formats' for the list",
            "FILE, line 8: channels[0].automation.timeZone: unknown time zone 'Mars/Olympus' (an IANA name such as Europe/London)",
            "FILE, line 8: channels[0].automation.dayStart: '25:00' is not a time of day (HH:MM or HH:MM:SS)",
            "FILE, line 2: channels: two channels are named 'one'",
            $"FILE, line 12: devices[0].driver: unknown device driver 'serial' (available: {Playout.Devices.DeviceDrivers.Names})",
            "FILE, line 13: sourceProtocols[1]: 'HTTP://' is not a protocol name (udp, rtp, srt, …)",
        ], problems);
    }

    [Fact]
    public void An_input_or_output_type_no_module_makes_is_refused_at_load_with_its_line_and_the_known_types()
    {
        var problems = Problems("""
            {
              "channels": [
                {
                  "name": "a", "format": "720p50", "clock": "system",
                  "inputs": [ { "type": "ndi", "url": "ndi://studio" } ],
                  "outputs": [ { "type": "preview" }, { "type": "ndi" } ]
                }
              ]
            }
            """);

        Assert.Equal(
        [
            "FILE, line 5: channels[0].inputs[0].type: expected one of \"card\", \"stream\", \"st2110\", found \"ndi\"",
            "FILE, line 6: channels[0].outputs[1].type: expected one of \"card\", \"stream\", \"preview\", \"st2110\", \"st2110-audio\", \"st2110-anc\", \"hls\", \"icecast\", found \"ndi\"",
        ], problems);
    }

    [Fact]
    public void A_radio_channel_refuses_a_card_picture_outputs_a_video_encoder_and_scte35_each_at_its_field()
    {
        var problems = Problems("""
            {
              "channels": [
                {
                  "name": "fm", "format": "radio", "clock": "system",
                  "card": { "driver": "hw-sim" },
                  "outputs": [ { "type": "preview" }, { "type": "stream", "url": "udp://127.0.0.1:5002", "video": "libx264" },
                               { "type": "stream", "url": "udp://127.0.0.1:5003", "scte35": true }, { "type": "icecast" } ]
                }
              ]
            }
            """);

        Assert.Equal(
        [
            "FILE, line 5: channels[0].card: a radio channel has no video for a card; take the card away",
            "FILE, line 6: channels[0].outputs[0].type: a preview output needs pictures and a radio channel has none; it takes hls, icecast, st2110-audio, stream",
            "FILE, line 6: channels[0].outputs[1].video: 'libx264': a radio channel has no video; leave \"video\" out or write \"none\"",
            "FILE, line 7: channels[0].outputs[2].scte35: SCTE-35 splice times are pictures' times, and a radio channel has none",
            "FILE, line 7: channels[0].outputs[3].url: an icecast output needs the mount's url (http://host:port/mount) and its source password",
        ], problems);
    }

    [Fact]
    public void Output_settings_are_taken_by_the_outputs_that_use_them_and_refused_elsewhere_at_their_field()
    {
        var problems = Problems("""
            {
              "channels": [
                {
                  "name": "tv", "format": "720p50", "clock": "system",
                  "outputs": [ { "type": "stream", "url": "udp://127.0.0.1:5002", "scte35": true },
                               { "type": "hls", "folder": "hls", "scte35": true, "segmentType": "ts", "dvrSeconds": 7200 },
                               { "type": "st2110-anc", "destination": "239.1.1.1:5004", "scte35": true },
                               { "type": "preview", "scte35": true }, { "type": "hls", "folder": "hls2", "nowPlaying": true },
                               { "type": "st2110-audio", "destination": "239.1.1.2:5004", "audioChannels": 2, "firstChannel": 3 },
                               { "type": "st2110-audio", "destination": "239.1.1.3:5004", "audioChannels": 4, "firstChannel": 14 },
                               { "type": "st2110-anc", "destination": "239.1.1.4:5004", "timeZone": "Asia/Ho_Chi_Minh" },
                               { "type": "st2110-anc", "destination": "239.1.1.5:5004", "timeZone": "Mars/Olympus" }, { "type": "preview", "timeZone": "UTC" },
                               { "type": "stream", "url": "udp://127.0.0.1:5004", "eit": true, "eitLanguage": "vie" }, { "type": "hls", "folder": "hls3", "eit": true },
                               { "type": "hls", "folder": "hls4", "segmentType": "ts", "nowPlaying": true }, { "type": "preview", "nowPlaying": true },
                               { "type": "hls", "folder": "hls5", "cueTags": true },
                               { "type": "st2110", "destination": "239.1.1.6:5004", "pacing": "narrow" }, { "type": "st2110", "destination": "239.1.1.7:5004", "pacing": "linear" },
                               { "type": "st2110-audio", "destination": "239.1.1.8:5004", "pacing": "narrow" } ]
                }
              ]
            }
            """);

        Assert.Equal(
        [
            "FILE, line 8: channels[0].outputs[3].scte35: only a stream, hls or st2110-anc (as SCTE 104) output carries SCTE-35",
            "FILE, line 8: channels[0].outputs[4].nowPlaying: timed ID3 rides in TS segments: set \"segmentType\": \"ts\" (the playlists list the titles as date ranges either way)",
            "FILE, line 10: channels[0].outputs[6].firstChannel: an st2110-audio flow of 4 channels starts at programme channel 1 to 13; got 14",
            "FILE, line 12: channels[0].outputs[8].timeZone: unknown time zone 'Mars/Olympus' (an IANA name such as Europe/London)",
            "FILE, line 12: channels[0].outputs[9].timeZone: only an st2110-anc output's time code takes a time zone",
            "FILE, line 13: channels[0].outputs[11].eit: only a stream output (MPEG-TS) carries DVB's EIT",
            "FILE, line 14: channels[0].outputs[13].nowPlaying: only a stream or hls (TS segments) output carries the title on air as timed metadata",
            "FILE, line 15: channels[0].outputs[14].cueTags: cue tags mark the SCTE-35 breaks of an hls output with \"scte35\" on",
            "FILE, line 16: channels[0].outputs[16].pacing: an ST 2110-21 sender is \"wide\" or \"narrow\"; got \"linear\"",
            "FILE, line 17: channels[0].outputs[17].pacing: only an st2110 (video) output is paced as an ST 2110-21 sender",
        ], problems);
    }

    [Fact]
    public void A_talk_over_rule_is_read_and_a_wrong_one_named_at_its_field()
    {
        string path = _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes("""
            { "channels": [ { "name": "fm", "format": "radio", "clock": "system",
                              "talkOver": [ { "key": 20, "ducked": [ 10, 11 ], "depthDb": -15, "releaseSeconds": 1.5 } ] } ] }
            """));
        var rule = ServiceConfig.Load(path).Channels[0].TalkOver.Single().ToSettings();
        Assert.Equal((20, -15.0, -40.0, TimeSpan.FromSeconds(1.5)), (rule.Key, rule.DepthDb, rule.ThresholdDb, rule.Release));
        Assert.Equal([10, 11], rule.Ducked);

        var problems = Problems("""
            { "channels": [ { "name": "fm", "format": "radio", "clock": "system",
                              "talkOver": [ { "key": 20, "ducked": [ 20 ] }, { "key": 20, "ducked": [ 10 ], "depthDb": 6 },
                                            { "key": 20, "ducked": [ 10 ], "attackSeconds": -1 } ] } ] }
            """);
        Assert.Equal(
        [
            "FILE, line 2: channels[0].talkOver[0].key: a layer (0 or more) and ducked: one or more other layers",
            "FILE, line 2: channels[0].talkOver[1].depthDb: -60 to -1 dB; got 6",
            "FILE, line 3: channels[0].talkOver[2].attackSeconds: 0 to 10 seconds; got -1",
        ], problems);
    }

    [Fact]
    public void Script_limits_are_read_and_given_to_the_service_script_host()
    {
        string path = _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes("""
            {
              "scripts": { "timeLimitSeconds": 2.5, "memoryMegabytes": 512 },
              "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ]
            }
            """));

        var limits = ServiceConfig.Load(path).Scripts.CreateHost().Limits;

        Assert.Equal(new ScriptLimits(TimeSpan.FromSeconds(2.5), 512), limits);
    }

    [Fact]
    public void Without_script_limits_the_service_script_host_has_the_defaults()
    {
        string path = _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes("""
            { "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ] }
            """));

        Assert.Equal(ScriptLimits.Default, ServiceConfig.Load(path).Scripts.CreateHost().Limits);
    }

    [Theory]
    [InlineData("0", "256", "scripts.timeLimitSeconds: 0 is not a number of seconds above 0 and at most 3600")]
    [InlineData("-1", "256", "scripts.timeLimitSeconds: -1 is not a number of seconds above 0 and at most 3600")]
    [InlineData("3600.5", "256", "scripts.timeLimitSeconds: 3600.5 is not a number of seconds above 0 and at most 3600")]
    [InlineData("10", "31", "scripts.memoryMegabytes: 31 is not a number of megabytes from 32 to 16384")]
    [InlineData("10", "16385", "scripts.memoryMegabytes: 16385 is not a number of megabytes from 32 to 16384")]
    public void Script_limits_out_of_range_are_refused_at_their_line(string seconds, string megabytes, string problem)
    {
        var problems = Problems($$"""
            {
              "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ],
              "scripts": {
                "timeLimitSeconds": {{seconds}},
                "memoryMegabytes": {{megabytes}}
              }
            }
            """);

        int line = problem.StartsWith("scripts.time", StringComparison.Ordinal) ? 4 : 5;
        Assert.Equal([$"FILE, line {line}: {problem}"], problems);
    }

    [Fact]
    public void Script_limits_of_the_wrong_kind_are_refused_at_their_line()
    {
        var problems = Problems("""
            {
              "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ],
              "scripts": { "timeLimitSeconds": "10s", "memoryMegabytes": 0.5, "cpu": 1 }
            }
            """);

        Assert.Equal(
        [
            "FILE, line 3: scripts.timeLimitSeconds: expected a number, found \"10s\"",
            "FILE, line 3: scripts.memoryMegabytes: expected a whole number from -2147483648 to 2147483647, found 0.5",
            "FILE, line 3: scripts.cpu: unknown field; expected one of timeLimitSeconds, memoryMegabytes",
        ], problems);
    }

    [Fact]
    public void Null_where_a_value_is_needed_is_a_problem_not_a_crash()
    {
        var problems = Problems("""
            {
              "media": null,
              "channels": [ null, { "name": "a", "format": "720p50", "clock": "system", "card": null, "outputs": null } ]
            }
            """);

        Assert.Equal(
        [
            "FILE, line 2: media: expected text, found null",
            "FILE, line 3: channels[0]: expected an object { … }, found null",
            "FILE, line 3: channels[1].outputs: expected a list [ … ], found null",
        ], problems);
    }

    [Fact]
    public void Broken_json_is_one_problem_at_its_line()
    {
        var problem = Assert.Single(Problems("{\n  \"channels\": [\n    { \"name\": \"a\" \n  ]\n}\n"));

        Assert.StartsWith("FILE, line 4: not valid JSON: ", problem);
    }

    [Theory]
    [InlineData("demo.json")]
    [InlineData("demo-remote-card.json")]
    public void The_sample_configurations_load(string name) =>
        Assert.NotEmpty(ServiceConfig.Load(Path.Combine(Repository, "configs", name)).Channels);

    private static string Repository => Path.GetFullPath(Path.Combine(SourceFolder(), "..", "..", ".."));

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;
}
