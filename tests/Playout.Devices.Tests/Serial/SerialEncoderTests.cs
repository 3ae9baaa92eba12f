using Playout.Devices.Tests.Gpi;
using Playout.Engine.Alarms;
using Playout.HwSim.Encoder;
using static Playout.Devices.Tests.Serial.SerialRig;

namespace Playout.Devices.Tests.Serial;

/// <summary>The serial-ascii driver with the encoder profile against the encoder twin's serial front end over socat: service, bitrate, input and the encoder's faults.</summary>
[Collection(nameof(SerialLines))]
public sealed class SerialEncoderTests
{
    [Fact]
    public async Task Starts_the_service_sets_the_bitrate_and_reports_the_input_and_the_faults()
    {
        await using var rig = new SerialRig();
        var state = new EncoderState();
        var encoder = rig.Twin(port => new EncoderSerialFrontEnd(port, state));
        rig.Open(EncoderProfile, name: "enc");
        await rig.Connected();
        await Until(() => rig.Setting("service")?.Actual == "stopped", "service state read");
        Assert.Equal("PLAYOUT,ENCODER-TWIN", rig.Device.Status().Identity);
        Assert.Equal(("8", "present"), (rig.Setting("bitrate")?.Actual, rig.Setting("input")?.Actual));
        Assert.Equal(0, rig.Measured("outputBitrate"));

        await rig.Send("service", ("state", "running"));
        await rig.Send("bitrate", ("mbps", "12.5"));
        Assert.Equal((true, 12500), (state.Running, state.BitrateKbps));
        Assert.Contains("BR 12500", encoder.Requests);
        await Until(() => rig.Measured("outputBitrate") == 12.5 && rig.Setting("bitrate") is { Desired: "12.5", Actual: "12.5" }, "encoding at 12.5 Mbit/s");
        Assert.Equal("Mbit/s", rig.Device.Status().Measurements.Single().Unit);

        // Within the profile's range but above this model's: the encoder refuses it, saying why.
        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => rig.Send("bitrate", ("mbps", "45")));
        Assert.Equal("enc: bitrate refused by the device: BITRATE ABOVE 40000", refused.Message);
        var outOfRange = await Assert.ThrowsAsync<DeviceCommandException>(() => rig.Send("bitrate", ("mbps", "90")));
        Assert.Equal("mbps: 90 is out of range (0.5 to 80 Mbit/s)", outOfRange.Message);
        Assert.Equal(["BR 12500", "BR 45000"], encoder.Requests.Where(r => r.StartsWith("BR", StringComparison.Ordinal)));

        state.Inject(EncoderFault.InputLoss);
        await Until(() => rig.Setting("input")?.Actual == "lost" && rig.Alarms.IsActive("device enc/input"), "input lost reported and alarmed");
        Assert.Equal((AlarmSeverity.Major, "enc: input lost"), rig.Alarms.Active.Select(a => (a.Severity, a.Message)).Single());
        state.Clear(EncoderFault.InputLoss);
        state.Inject(EncoderFault.EncoderFailure);
        await Until(() => rig.Alarms.IsActive("device enc/encoder") && !rig.Alarms.IsActive("device enc/input") && rig.Measured("outputBitrate") == 0, "encoder fault alarm, nothing out");
        Assert.Equal((AlarmSeverity.Critical, "enc: encoder fault: no output"), rig.Alarms.Active.Select(a => (a.Severity, a.Message)).Single());
        state.Clear(EncoderFault.EncoderFailure);
        await Until(() => rig.Alarms.Active.Count == 0, "encoder fault cleared");
    }

    [Fact]
    public async Task A_silent_encoder_is_lost_and_on_its_return_its_service_is_started_again_once()
    {
        await using var rig = new SerialRig();
        var state = new EncoderState();
        var encoder = rig.Twin(port => new EncoderSerialFrontEnd(port, state));
        rig.Open(EncoderProfile, name: "enc");
        await rig.Connected();
        await rig.Send("service", ("state", "running"));
        await Until(() => rig.Setting("service")?.Actual == "running", "running");

        state.Inject(EncoderFault.CommunicationsLoss);
        await rig.Lost();
        Assert.True(rig.Alarms.IsActive("device enc/connection"));
        state.Running = false; // it restarted meanwhile
        int commands = encoder.Commands;
        state.Clear(EncoderFault.CommunicationsLoss);
        await Until(() => state.Running, "service started again");
        await Task.Delay(500);
        Assert.Equal(commands + 1, encoder.Commands);
        Assert.False(rig.Alarms.IsActive("device enc/connection"));
    }
}
