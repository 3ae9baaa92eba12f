using Playout.Devices.Tests.Gpi;
using Playout.Engine.Alarms;
using Playout.HwSim.Serial;
using static Playout.Devices.Tests.Serial.SerialRig;

namespace Playout.Devices.Tests.Serial;

/// <summary>The serial-ascii driver with the encoder profile against the encoder twin over socat: service, bitrate, input state and its fault.</summary>
[Collection(nameof(SerialLines))]
public sealed class SerialEncoderTests
{
    [Fact]
    public async Task Starts_the_service_sets_the_bitrate_and_reports_the_input_and_its_fault()
    {
        await using var rig = new SerialRig();
        var encoder = rig.Twin(port => new EncoderSerialTwin(port));
        rig.Open(EncoderProfile, name: "enc");
        await rig.Connected();
        await Until(() => rig.Setting("service")?.Actual == "stopped", "service state read");
        Assert.Equal("PLAYOUT,ENCODER-TWIN", rig.Device.Status().Identity);
        Assert.Equal(("8000", "present"), (rig.Setting("bitrate")?.Actual, rig.Setting("input")?.Actual));
        Assert.Equal(0, rig.Measured("outputRate"));

        await rig.Send("service", ("state", "running"));
        await rig.Send("bitrate", ("kbps", "12000"));
        Assert.Equal((true, 12000), (encoder.Running, encoder.BitrateKbps));
        Assert.Contains("BR 12000", encoder.Requests);
        await Until(() => rig.Measured("outputRate") == 11976 && rig.Setting("service") is { Desired: "running", Actual: "running" }, "encoding at 12 Mbit/s");
        Assert.Equal("kbit/s", rig.Device.Status().Measurements.Single().Unit);

        // Within the profile's range but above this model's: the encoder refuses it, saying why.
        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => rig.Send("bitrate", ("kbps", "45000")));
        Assert.Equal("enc: bitrate refused by the device: BITRATE ABOVE 40000", refused.Message);
        var outOfRange = await Assert.ThrowsAsync<DeviceCommandException>(() => rig.Send("bitrate", ("kbps", "60000")));
        Assert.Equal("kbps: 60000 is out of range (500 to 50000 kbit/s)", outOfRange.Message);
        Assert.Equal(["BR 12000", "BR 45000"], encoder.Requests.Where(r => r.StartsWith("BR", StringComparison.Ordinal)));

        encoder.InputLost = true;
        await Until(() => rig.Setting("input")?.Actual == "lost" && rig.Measured("outputRate") == 0, "input lost reported");
        encoder.InputLost = false;
        encoder.Failed = true;
        await Until(() => rig.Alarms.IsActive("device enc/fault"), "encoder fault alarm");
        Assert.Equal((AlarmSeverity.Major, "enc: encoder fault"), rig.Alarms.Active.Select(a => (a.Severity, a.Message)).Single());
        encoder.Failed = false;
        await Until(() => !rig.Alarms.IsActive("device enc/fault"), "encoder fault cleared");
    }

    [Fact]
    public async Task A_silent_encoder_is_lost_and_on_its_return_its_service_is_started_again_once()
    {
        await using var rig = new SerialRig();
        var encoder = rig.Twin(port => new EncoderSerialTwin(port));
        rig.Open(EncoderProfile, name: "enc");
        await rig.Connected();
        await rig.Send("service", ("state", "running"));
        await Until(() => rig.Setting("service")?.Actual == "running", "running");

        encoder.Silent = true;
        await rig.Lost();
        Assert.True(rig.Alarms.IsActive("device enc/connection"));
        encoder.Running = false; // it restarted meanwhile
        int commands = encoder.Commands;
        encoder.Silent = false;
        await Until(() => encoder.Running, "service started again");
        await Task.Delay(500);
        Assert.Equal(commands + 1, encoder.Commands);
        Assert.False(rig.Alarms.IsActive("device enc/connection"));
    }
}
