using Playout.Engine.Probes;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>A channel's "probes" section: FFmpeg's defaults when absent, its settings passed on, bad values refused at their line.</summary>
public sealed class ProbesConfigTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Without_a_probes_section_every_probe_is_on_with_ffmpegs_defaults()
    {
        var config = Load("""{ "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ] }""");
        Assert.Equal(new ProbeSettings(), config.Channels[0].Probes.ToSettings());
    }

    [Fact]
    public void The_settings_reach_the_detectors_and_probes_can_be_turned_off()
    {
        var config = Load("""
            { "channels": [
              { "name": "a", "format": "720p50", "clock": "system",
                "probes": { "lineStep": 5, "groupStep": 1, "black": { "seconds": 4, "pixelThreshold": 0.2, "pictureRatio": 0.9 },
                            "freeze": { "enabled": false }, "silence": { "noiseDb": -50, "seconds": 10 } } },
              { "name": "b", "format": "720p50", "clock": "system", "probes": { "enabled": false } }
            ] }
            """);
        Assert.Equal(new ProbeSettings
        {
            LineStep = 5,
            GroupStep = 1,
            Black = new(true, 0.2, 0.9, 4),
            Freeze = new(Enabled: false),
            Silence = new(true, -50, 10),
        }, config.Channels[0].Probes.ToSettings());
        Assert.Null(config.Channels[1].Probes.ToSettings());
    }

    [Fact]
    public void Bad_probe_values_are_refused_each_at_its_line_and_field()
    {
        string path = _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes("""
            {
              "channels": [
                { "name": "a", "format": "720p50", "clock": "system",
                  "probes": { "groupStep": 0,
                              "black": { "seconds": 0, "pictureRatio": 1.5 },
                              "silence": { "noiseDb": 6 } } }
              ]
            }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.Equal(
        [
            "FILE, line 4: channels[0].probes.groupStep: 0 is not a whole number of groups from 1 to 64",
            "FILE, line 5: channels[0].probes.black.seconds: 0 is not a number of seconds above 0 and up to 3600",
            "FILE, line 5: channels[0].probes.black.pictureRatio: 1.5 is not a fraction from 0 to 1",
            "FILE, line 6: channels[0].probes.silence.noiseDb: 6 is not a level in dB from -120 up to (not including) 0",
        ], error.Message.Split(Environment.NewLine).Select(line => line.Replace(path, "FILE")));
    }

    private ServiceConfig Load(string json) => ServiceConfig.Load(_folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes(json)));
}
