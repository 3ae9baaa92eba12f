using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Tests.Transmitter;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.HwSim.Encoder;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Encoder;

/// <summary>The snmp-encoder driver (the profile-driven SNMP device under the encoder profile) against the encoder twin: every command and fault.</summary>
public class SnmpEncoderTests
{
    [Fact]
    public async Task Connects_reads_the_service_bitrate_and_input_and_offers_the_encoder_commands()
    {
        await using var rig = StartEncoder();
        var encoder = rig.Open("enc");
        await Until(() => encoder.Status().Connection == ConnectionState.Connected && Setting(encoder, "input")?.Actual == "present", "connected");
        var status = encoder.Status();
        Assert.Equal(("snmp-encoder", "Playout encoder twin H.264"), (status.Driver, status.Identity));
        Assert.Equal(["stopped", "8", "present"], new[] { "service", "bitrate", "input" }.Select(n => Setting(encoder, n)?.Actual));
        Assert.Equal(0, Measured(encoder, "outputBitrate"));
        Assert.Equal("Mbit/s", status.Measurements.Single().Unit);
        var state = status.Commands.Single(c => c.Name == "service").Parameters.Single();
        Assert.Equal("state", state.Name);
        Assert.Equal(["running", "stopped"], state.Values!);
        Assert.Equal([new DeviceParameterSpec("mbps", Min: 0.5, Max: 80, Unit: "Mbit/s")], status.Commands.Single(c => c.Name == "bitrate").Parameters);
        Assert.Same(DeviceDrivers.Find("snmp-encoder"), DeviceDrivers.All.OfType<SnmpEncoderDriver>().Single());
    }

    [Fact]
    public async Task The_service_starts_and_stops_and_a_bitrate_in_range_is_set_while_one_out_of_range_is_refused_unsent()
    {
        await using var rig = StartEncoder();
        var encoder = rig.Open("enc");
        await Until(() => encoder.Status().Connection == ConnectionState.Connected, "connected");

        await SendUntilAnswered(encoder, "bitrate", ("mbps", "4.5"));
        await SendUntilAnswered(encoder, "service", ("state", "running"));
        Assert.Equal((true, 4500), (rig.Twin.State.Running, rig.Twin.State.BitrateKbps));
        await Until(() => Measured(encoder, "outputBitrate") == 4.5, "4.5 Mbit/s leaving the encoder");
        Assert.Equal([new DeviceSetting("service", "running", "running"), new DeviceSetting("bitrate", "4.5", "4.5")],
            new[] { "service", "bitrate" }.Select(n => Setting(encoder, n)));

        int sets = rig.Twin.Sets;
        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => Send(encoder, "bitrate", ("mbps", "100")));
        Assert.Equal("mbps: 100 is out of range (0.5 to 80 Mbit/s)", refused.Message);
        await Assert.ThrowsAsync<DeviceCommandException>(() => Send(encoder, "service", ("state", "paused")));
        Assert.Equal((sets, 4500), (rig.Twin.Sets, rig.Twin.State.BitrateKbps));

        await SendUntilAnswered(encoder, "service", ("state", "stopped"));
        Assert.False(rig.Twin.State.Running);
        await Until(() => Measured(encoder, "outputBitrate") == 0 && Setting(encoder, "service")?.Actual == "stopped", "stopped, nothing out");
    }

    [Theory]
    [InlineData(EncoderFault.InputLoss, "device enc/input", AlarmSeverity.Major, "enc: input lost")]
    [InlineData(EncoderFault.EncoderFailure, "device enc/encoder", AlarmSeverity.Critical, "enc: encoder fault: no output")]
    public async Task Each_encoder_fault_raises_its_alarm_and_clears_it_when_it_is_gone(EncoderFault fault, string source, AlarmSeverity severity, string message)
    {
        await using var rig = StartEncoder();
        var encoder = rig.Open("enc");
        await SendUntilAnswered(encoder, "service", ("state", "running"));
        await Until(() => Measured(encoder, "outputBitrate") == 8, "encoding at 8 Mbit/s");

        rig.Twin.Inject(fault);
        await Until(() => rig.Alarms.IsActive(source), source);
        Assert.Equal([(source, severity, message)], rig.Alarms.Active.Select(a => (a.Source, a.Severity, a.Message)));
        Func<bool> shows = fault == EncoderFault.InputLoss
            ? () => Setting(encoder, "input")?.Actual == "lost" && Measured(encoder, "outputBitrate") == 8
            : () => Measured(encoder, "outputBitrate") == 0 && Setting(encoder, "service")?.Actual == "running";
        await Until(shows, $"{fault} in the readings");

        rig.Twin.Clear(fault);
        await Until(() => rig.Alarms.Active.Count == 0, $"{source} cleared");
    }

    [Fact]
    public async Task Comms_loss_raises_the_link_alarm_and_the_reconnect_asserts_the_desired_service_and_bitrate_once()
    {
        await using var rig = StartEncoder();
        var encoder = rig.Open("enc");
        await SendUntilAnswered(encoder, "service", ("state", "running"));
        await SendUntilAnswered(encoder, "bitrate", ("mbps", "12"));
        await Until(() => Setting(encoder, "bitrate")?.Actual == "12", "12 Mbit/s reported");

        rig.Twin.Inject(EncoderFault.CommunicationsLoss);
        await Until(() => encoder.Status().Connection == ConnectionState.Lost, "link lost");
        Assert.True(rig.Alarms.IsActive(encoder.ConnectionAlarm));
        // The encoder restarts with its defaults while nobody can reach it.
        rig.Twin.State.Running = false;
        rig.Twin.State.BitrateKbps = 8000;
        int sets = rig.Twin.Sets;

        rig.Twin.Clear(EncoderFault.CommunicationsLoss);
        await Until(() => !rig.Alarms.IsActive(encoder.ConnectionAlarm), "link back");
        await Until(() => rig.Twin.State is { Running: true, BitrateKbps: 12000 }, "service and bitrate asserted again");
        await Task.Delay(300);
        Assert.Equal(sets + 2, rig.Twin.Sets);
    }

    [Fact]
    public async Task Garbled_or_slow_replies_lose_the_link_and_a_command_fails_saying_so()
    {
        await using var rig = StartEncoder();
        var encoder = rig.Open("enc");
        await Until(() => encoder.Status().Connection == ConnectionState.Connected, "connected");
        rig.Twin.GarbleReplies = true;
        await Until(() => encoder.Status().Connection == ConnectionState.Lost, "lost on garbled replies");
        rig.Twin.GarbleReplies = false;
        await Until(() => encoder.Status().Connection == ConnectionState.Connected, "back");

        rig.Twin.ReplyDelay = TimeSpan.FromSeconds(5);
        var failed = await Assert.ThrowsAsync<DeviceCommandException>(() => Send(encoder, "service", ("state", "running")));
        Assert.StartsWith("enc: service not carried out: ", failed.Message);
        Assert.Contains("no answer", failed.Message);
    }

    [Fact]
    public void A_wrong_setting_names_the_snmp_encoder_driver()
    {
        var error = Assert.Throws<ArgumentException>(() => new SnmpEncoderDriver().Open("enc", new Dictionary<string, string> { ["address"] = "127.0.0.1:161", ["colour"] = "red" },
            new DeviceContext(new AlarmBoard(NullLogger.Instance), NullLogger.Instance, TimeProvider.System)));
        Assert.StartsWith("colour: not a setting of snmp-encoder (it takes address, ", error.Message);
    }

    [Fact]
    public void The_encoder_twin_refuses_a_transmitter_profile_naming_what_it_does_not_simulate()
    {
        var error = Assert.Throws<ArgumentException>(() => new EncoderTwin(TransmitterProfiles.Load(TransmitterProfileTests.Generic), new EncoderTwinOptions()));
        Assert.StartsWith("encoder twin: profile generic names what the twin does not simulate: forwardPower, ", error.Message);
    }
}
