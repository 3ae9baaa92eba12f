using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices;
using Playout.Engine.Alarms;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>
/// A channel's stream output driven as an encoder by a stream-output device: stopped (its consumer gone, the channel
/// still ticking, the file finished), started again (frames encoded again), re-opened at a new bitrate, a failed encoder
/// alarmed; a device naming a channel or output that is not there, or no stream, is refused at load with its line.
/// </summary>
public class StreamOutputDeviceTests
{
    [Fact]
    public async Task Stop_start_and_bitrate_change_the_encoder_while_the_channel_stays_on_air()
    {
        using var folder = new TempDirectory();
        var (service, alarms, runtime) = OnAir(folder, "air.ts");
        using var _ = alarms;
        using var __ = runtime;
        await using var device = Open(service, alarms, runtime, "1", "air.ts");
        device.Start();
        await Until(() => Measured(device, "encoded") > 10);
        var first = Assert.Single(runtime.Channel.Consumers.OfType<StreamConsumer>());
        Assert.Equal((6_000_000.0, "running"), (Measured(device, "bitrate"), Actual(device, "service")));

        await device.SendAsync("service", Args(("state", "stop")), CancellationToken.None);
        Assert.Empty(runtime.Channel.Consumers.OfType<StreamConsumer>());
        Assert.Equal(("stopped", "stopped", 0.0), (Desired(device, "service"), Actual(device, "service"), Measured(device, "encoded")));
        long stoppedAt = runtime.Channel.Tick;
        await Until(() => runtime.Channel.Tick > stoppedAt + 10);
        // Stopped is finished: the file is whole, with what was encoded.
        using (var probe = System.Text.Json.JsonDocument.Parse(ExternalTool.Run("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=nb_read_frames", "-of", "json", folder.File("air.ts")])))
        {
            string frames = probe.RootElement.GetProperty("streams")[0].GetProperty("nb_read_frames").GetString()!;
            Assert.True(int.Parse(frames, System.Globalization.CultureInfo.InvariantCulture) >= 10, frames);
        }

        await device.SendAsync("service", Args(("state", "start")), CancellationToken.None);
        var second = Assert.Single(runtime.Channel.Consumers.OfType<StreamConsumer>());
        Assert.NotSame(first, second);
        await Until(() => Measured(device, "encoded") > 10);

        await device.SendAsync("bitrate", Args(("bps", "2000000")), CancellationToken.None);
        var third = Assert.Single(runtime.Channel.Consumers.OfType<StreamConsumer>());
        Assert.NotSame(second, third);
        Assert.Equal(2_000_000, third.Settings.VideoBitrate);
        Assert.Equal(("2000000", "2000000", 2_000_000.0), (Desired(device, "bitrate"), Actual(device, "bitrate"), Measured(device, "bitrate")));
        await Until(() => third.Encoded > 10);

        // A stopped output keeps the bitrate asked for: the next start uses it.
        await device.SendAsync("service", Args(("state", "stop")), CancellationToken.None);
        await device.SendAsync("bitrate", Args(("bps", "3000000")), CancellationToken.None);
        Assert.Empty(runtime.Channel.Consumers.OfType<StreamConsumer>());
        await device.SendAsync("service", Args(("state", "start")), CancellationToken.None);
        Assert.Equal(3_000_000, Assert.Single(runtime.Channel.Consumers.OfType<StreamConsumer>()).Settings.VideoBitrate);

        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => device.SendAsync("bitrate", Args(("bps", "50000")), CancellationToken.None));
        Assert.Equal("bps: 50000 is out of range (100000 to 100000000 bit/s)", refused.Message);
        Assert.Equal(0, runtime.Channel.FailedTicks);
    }

    [Fact]
    public async Task An_encoder_that_cannot_open_its_url_raises_the_devices_alarm_with_the_reason()
    {
        using var folder = new TempDirectory();
        var (service, alarms, runtime) = OnAir(folder, "no-such-folder/air.ts");
        using var _ = alarms;
        using var __ = runtime;
        await using (var device = Open(service, alarms, runtime, "c1", "no-such-folder/air.ts"))
        {
            device.Start();
            await Until(() => alarms.IsActive("device enc/encoder"));
            var alarm = alarms.Active.Single(a => a.Source == "device enc/encoder");
            Assert.Equal(AlarmSeverity.Major, alarm.Severity);
            Assert.StartsWith("enc: the encoder failed: ", alarm.Message);
            Assert.Equal(ConnectionState.Connected, device.Status().Connection);
            string encoderAlarm = Assert.Single(runtime.Channel.Consumers.OfType<StreamConsumer>()).AlarmSource;
            Assert.True(alarms.IsActive(encoderAlarm));

            // Stopped, the output has failed no more: both alarms go.
            await device.SendAsync("service", Args(("state", "stop")), CancellationToken.None);
            Assert.False(alarms.IsActive(encoderAlarm));
            Assert.False(alarms.IsActive("device enc/encoder"));
        }
    }

    [Fact]
    public void A_device_naming_a_channel_or_output_that_is_not_a_stream_is_refused_at_load_with_its_line()
    {
        using var folder = new TempDirectory();
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes("""
            {
              "state": "state",
              "devices": [
                { "name": "e1", "driver": "stream-output", "settings": { "channel": "3", "output": "1" } },
                { "name": "e2", "driver": "stream-output", "settings": { "channel": "c1", "output": "2" } },
                { "name": "e3", "driver": "stream-output", "settings": { "channel": "1", "output": "4" } },
                { "name": "e4", "driver": "stream-output", "settings": { "channel": "nowhere", "output": "1" } },
                { "name": "e5", "driver": "stream-output", "settings": { "channel": "1", "output": "udp://127.0.0.1:9" } },
                { "name": "e6", "driver": "stream-output", "settings": { "channel": "1", "output": "3" } },
                { "name": "e7", "driver": "stream-output", "settings": { "channel": "1" } },
                { "name": "e8", "driver": "stream-output", "settings": { "channel": "1", "output": "out.ts", "pollMs": "0" } }
              ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [
                { "type": "stream", "url": "out.ts" }, { "type": "preview" }, { "type": "stream", "url": "udp://127.0.0.1:1234", "scte35": true } ] }]
            }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.Equal(
        [
            $"{path}, line 4: devices[0].settings: channel: there is no channel 3 (channels are 1..1)",
            $"{path}, line 5: devices[1].settings: output: output 2 of channel c1 is a preview output, not a stream",
            $"{path}, line 6: devices[2].settings: output: channel c1 has no output 4 (it has 3)",
            $"{path}, line 7: devices[3].settings: channel: no channel is named 'nowhere' (channels: c1)",
            $"{path}, line 8: devices[4].settings: output: channel c1 has no output to 'udp://127.0.0.1:9'",
            $"{path}, line 9: devices[5].settings: output: output 3 of channel c1 carries SCTE-35 cues, which a restarted encoder would lose: it cannot be driven",
            $"{path}, line 10: devices[6].settings: output: missing (the stream output's position in the channel's outputs from 1, or its url)",
            $"{path}, line 11: devices[7].settings: pollMs: '0' is not a whole number from 50 to 60000",
        ], error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A channel on air with one stream output to <paramref name="url"/> (MPEG-2, cheap to encode).</summary>
    private static (ServiceConfig, AlarmBoard, ChannelRuntime) OnAir(TempDirectory folder, string url)
    {
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "state": "state",
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system",
                             "outputs": [ { "type": "stream", "url": "{{url}}", "video": "mpeg2video", "audio": "mp2" } ] }]
            }
            """));
        var service = ServiceConfig.Load(path);
        var alarms = new AlarmBoard(NullLogger.Instance);
        return (service, alarms, ChannelRuntime.Start(service, service.Channels[0], NullLoggerFactory.Instance, alarms, new ModuleRegistry(StandardModules.All)));
    }

    private static Device Open(ServiceConfig service, AlarmBoard alarms, ChannelRuntime runtime, string channel, string output) =>
        DeviceDrivers.Find("stream-output")!.Open("enc", new Dictionary<string, string> { ["channel"] = channel, ["output"] = output, ["pollMs"] = "50" },
            new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System) { StreamOutputs = new ChannelStreamOutputs(service, [runtime]) });

    private static Dictionary<string, string> Args(params (string Name, string Value)[] arguments) => arguments.ToDictionary(a => a.Name, a => a.Value);

    private static double Measured(Device device, string name) => device.Status().Measurements.SingleOrDefault(m => m.Name == name)?.Value ?? -1;

    private static string? Actual(Device device, string name) => device.Status().Settings.SingleOrDefault(s => s.Name == name)?.Actual;

    private static string? Desired(Device device, string name) => device.Status().Settings.SingleOrDefault(s => s.Name == name)?.Desired;

    private static async Task Until(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "timed out");
            await Task.Delay(20);
        }
    }
}
