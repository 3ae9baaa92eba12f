using Playout.Media.Audio.Loudness;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>The "alarms" section and a channel's "loudness": defaults when absent, settings passed on, bad values refused at their line.</summary>
public sealed class MonitoringConfigTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Without_the_sections_alarms_clear_after_2_s_and_the_programme_pair_is_metered_to_minus_23()
    {
        var config = Load("""{ "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ] }""");
        Assert.Equal(new Engine.Alarms.AlarmDamping(TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 1000), config.Alarms.Damping);
        var loudness = config.Channels[0].Loudness.ToSettings()!;
        Assert.Equal((-23.0, 2.0, -1.0), (loudness.Target, loudness.Tolerance, loudness.Ceiling));
        Assert.Equal("pair 1", Assert.Single(loudness.Meters).Name);
        Assert.False(config.Channels[0].Loudness.Normalisation.Enabled);
    }

    [Fact]
    public void The_settings_reach_the_board_the_meters_and_normalisation_and_loudness_can_be_turned_off()
    {
        var config = Load("""
            {
              "alarms": { "holdOffSeconds": 1.5, "clearDelaySeconds": 10, "restartGraceSeconds": 60, "keepCleared": 50 },
              "channels": [
                { "name": "a", "format": "720p50", "clock": "system",
                  "loudness": { "target": -24, "tolerance": 1, "ceiling": -2, "pairs": [1, 3], "normalise": true } },
                { "name": "b", "format": "720p50", "clock": "system", "loudness": { "layout": "5.1" } },
                { "name": "c", "format": "720p50", "clock": "system", "loudness": { "enabled": false } }
              ]
            }
            """);
        Assert.Equal(new Engine.Alarms.AlarmDamping(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), 50), config.Alarms.Damping);
        var a = config.Channels[0].Loudness.ToSettings()!;
        Assert.Equal((-24.0, 1.0, -2.0), (a.Target, a.Tolerance, a.Ceiling));
        Assert.Equal(["pair 1", "pair 3"], a.Meters.Select(m => m.Name));
        Assert.Equal([4, 5], a.Meters[1].Layout.Channels.ToArray());
        Assert.Equal(new Playout.Automation.Runtime.LoudnessNormalisation(true, -24, -2), config.Channels[0].Loudness.Normalisation);
        var b = Assert.Single(config.Channels[1].Loudness.ToSettings()!.Meters);
        Assert.Equal(("5.1", 16, 6), (b.Name, b.Layout.Stride, b.Layout.Count));
        Assert.Equal(ChannelLayout.Surround51.Weights.ToArray(), b.Layout.Weights.ToArray());
        Assert.Null(config.Channels[2].Loudness.ToSettings());
    }

    [Fact]
    public void Bad_values_are_refused_each_at_its_line_and_field()
    {
        string path = _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes("""
            {
              "alarms": { "holdOffSeconds": -1, "keepCleared": 0 },
              "channels": [
                { "name": "a", "format": "720p50", "clock": "system",
                  "loudness": { "target": -5, "tolerance": 0, "ceiling": 3,
                                "layout": "7.1", "pairs": [1, 1, 9] } }
              ]
            }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.Equal(
        [
            "FILE, line 5: channels[0].loudness.target: -5 is not a loudness from -40 to -10 LUFS (-23 for EBU R128, -24 for ATSC A/85)",
            "FILE, line 5: channels[0].loudness.tolerance: 0 is not a number of LU above 0 and up to 20",
            "FILE, line 5: channels[0].loudness.ceiling: 3 is not a true peak from -20 to 0 dBTP",
            "FILE, line 6: channels[0].loudness.layout: '7.1' is not a layout: \"stereo\", \"5.1\" or \"mono\"",
            "FILE, line 6: channels[0].loudness.pairs: [1, 1, 9] is not a list of different audio pairs from 1 to 8",
            "FILE, line 2: alarms.holdOffSeconds: 0 to 3600 seconds; got -1",
            "FILE, line 2: alarms.keepCleared: 1 to 100000; got 0",
        ], error.Message.Split(Environment.NewLine).Select(line => line.Replace(path, "FILE")));
    }

    private ServiceConfig Load(string json) => ServiceConfig.Load(_folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes(json)));
}
