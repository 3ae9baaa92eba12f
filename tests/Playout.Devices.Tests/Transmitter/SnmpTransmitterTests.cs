using System.Diagnostics;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.HwSim.Transmitter;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>The snmp-transmitter driver against the transmitter twin: link, measurements, commands, faults and their alarms.</summary>
public class SnmpTransmitterTests
{
    [Fact]
    public async Task Connects_reads_identity_and_measurements_and_RF_on_ramps_the_power_up()
    {
        await using var rig = TwinRig.Start(ramp: TimeSpan.FromMilliseconds(1500));
        var tx = rig.Open("tx");
        await Until(() => tx.Status().Connection == ConnectionState.Connected && Setting(tx, "rf")?.Actual == "off", "connected, RF off");
        var status = tx.Status();
        Assert.Equal("Playout transmitter twin 1 kW", status.Identity);
        Assert.Equal(0, Measured(tx, "forwardPower"));
        Assert.Equal(1.10, Measured(tx, "vswr"));
        Assert.InRange(Measured(tx, "temperature")!.Value, 24, 26);
        Assert.Equal(("W", "°C"), (status.Measurements.Single(m => m.Name == "forwardPower").Unit, status.Measurements.Single(m => m.Name == "temperature").Unit));
        Assert.Equal(["main", "A", "antenna", "remote", "100"], new[] { "path", "exciter", "output", "mode", "power" }.Select(n => Setting(tx, n)?.Actual));

        await Send(tx, "rf", ("state", "on"));
        Assert.Equal(new DeviceSetting("rf", "on", "on"), await Settled(tx, "rf"));
        // Polled on the way up: some reading between nothing and full power, then full power.
        await Until(() => Measured(tx, "forwardPower") is > 0 and < 1000, "forward power part way up");
        await Until(() => Measured(tx, "forwardPower") == 1000, "forward power at 1000 W");
        Assert.InRange(Measured(tx, "reflectedPower")!.Value, 2.0, 2.5);
        Assert.InRange(Measured(tx, "temperature")!.Value, 44, 46);
    }

    [Fact]
    public async Task A_power_level_in_range_is_set_and_one_out_of_range_is_refused_before_it_is_sent()
    {
        await using var rig = TwinRig.Start();
        var tx = rig.Open("tx");
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "connected");

        await Send(tx, "power", ("percent", "55"));
        Assert.Equal(55, rig.Twin.State.PowerPercent);
        Assert.Equal(new DeviceSetting("power", "55", "55"), await Settled(tx, "power"));
        int sets = rig.Twin.Sets;

        foreach (var wrong in new[] { "111", "-1", "lots" })
            await Assert.ThrowsAsync<DeviceCommandException>(() => Send(tx, "power", ("percent", wrong)));
        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => Send(tx, "power", ("percent", "120")));
        Assert.Equal("percent: 120 is out of range (0 to 110 %)", refused.Message);
        Assert.Equal((sets, 55), (rig.Twin.Sets, rig.Twin.State.PowerPercent));
        Assert.Equal("55", Setting(tx, "power")!.Desired);

        await Send(tx, "changeover", ("to", "reserve"));
        await Send(tx, "output", ("to", "dummyLoad"));
        Assert.Equal((true, true), (rig.Twin.State.Reserve, rig.Twin.State.DummyLoad));
        await Until(() => Setting(tx, "path")?.Actual == "reserve" && Setting(tx, "output")?.Actual == "dummyLoad", "changeover and dummy load reported");
    }

    [Fact]
    public async Task A_VSWR_trip_raises_the_vswr_alarm_with_RF_off_and_a_fault_reset_clears_it()
    {
        await using var rig = TwinRig.Start();
        var tx = rig.Open("tx");
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "connected");
        await SendUntilAnswered(tx, "rf", ("state", "on"));
        await Until(() => Measured(tx, "forwardPower") == 1000, "on air");

        rig.Twin.Inject(TransmitterFault.VswrTrip);
        await Until(() => rig.Alarms.IsActive("device tx/vswr"), "vswr alarm");
        var alarm = rig.Alarms.Active.Single(a => a.Source == "device tx/vswr");
        Assert.Equal((AlarmSeverity.Critical, "tx: VSWR trip: RF off"), (alarm.Severity, alarm.Message));
        await Until(() => Setting(tx, "rf")?.Actual == "off" && Measured(tx, "forwardPower") == 0 && Measured(tx, "vswr") == 3, "RF off at VSWR 3");
        Assert.Equal(["device tx/vswr"], rig.Alarms.Active.Select(a => a.Source));

        await Send(tx, "reset");
        await Until(() => !rig.Alarms.IsActive("device tx/vswr"), "vswr alarm cleared by the reset");
    }

    [Theory]
    [InlineData(TransmitterFault.OverTemperature, "device tx/temperature", AlarmSeverity.Major)]
    [InlineData(TransmitterFault.ExciterFailure, "device tx/exciter", AlarmSeverity.Major)]
    [InlineData(TransmitterFault.RfMute, "device tx/mute", AlarmSeverity.Critical)]
    public async Task Each_transmitter_fault_raises_its_alarm_and_clears_it_when_it_is_gone(TransmitterFault fault, string source, AlarmSeverity severity)
    {
        await using var rig = TwinRig.Start();
        var tx = rig.Open("tx");
        await SendUntilAnswered(tx, "rf", ("state", "on"));
        await Until(() => Measured(tx, "forwardPower") == 1000, "on air");

        rig.Twin.Inject(fault);
        await Until(() => rig.Alarms.IsActive(source), source);
        Assert.Equal(severity, rig.Alarms.Active.Single(a => a.Source == source).Severity);
        Func<bool> shows = fault switch
        {
            TransmitterFault.OverTemperature => () => Measured(tx, "temperature") == 85,
            TransmitterFault.ExciterFailure => () => Setting(tx, "exciter")?.Actual == "B",
            _ => () => Measured(tx, "forwardPower") == 0 && Setting(tx, "rf")?.Actual == "on",
        };
        await Until(shows, $"{fault} in the readings");

        rig.Twin.Clear(fault);
        await Until(() => rig.Alarms.Active.Count == 0, $"{source} cleared");
    }

    [Fact]
    public async Task Comms_loss_raises_the_link_alarm_and_the_reconnect_clears_it_and_asserts_the_desired_state_once()
    {
        await using var rig = TwinRig.Start();
        var tx = rig.Open("tx");
        await SendUntilAnswered(tx, "rf", ("state", "on"));
        await Send(tx, "power", ("percent", "80"));
        await Until(() => Setting(tx, "power")?.Actual == "80", "power 80 reported");

        rig.Twin.Inject(TransmitterFault.CommunicationsLoss);
        await Until(() => tx.Status().Connection == ConnectionState.Lost, "link lost");
        Assert.True(rig.Alarms.IsActive(tx.ConnectionAlarm));
        Assert.Contains("no answer", tx.Status().Error);
        // Someone at the transmitter turns the power down and RF off while the link is down.
        rig.Twin.State.PowerPercent = 40;
        rig.Twin.State.RfOn = false;
        int sets = rig.Twin.Sets;

        rig.Twin.Clear(TransmitterFault.CommunicationsLoss);
        await Until(() => !rig.Alarms.IsActive(tx.ConnectionAlarm) && tx.Status().Connection == ConnectionState.Connected, "link back");
        await Until(() => rig.Twin.State.PowerPercent == 80 && rig.Twin.State.RfOn, "desired state asserted again");
        await Until(() => Setting(tx, "power")?.Actual == "80" && Setting(tx, "rf")?.Actual == "on", "asserted state reported");
        // Many polls later still exactly the two SETs: no storm.
        await Task.Delay(500);
        Assert.Equal(sets + 2, rig.Twin.Sets);
    }

    [Fact]
    public async Task Garbled_replies_are_dropped_so_the_link_is_lost_until_they_are_whole_again()
    {
        await using var rig = TwinRig.Start();
        var tx = rig.Open("tx");
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "connected");

        rig.Twin.GarbleReplies = true;
        await Until(() => tx.Status().Connection == ConnectionState.Lost, "link lost on garbled replies");
        Assert.True(rig.Alarms.IsActive(tx.ConnectionAlarm));
        await Assert.ThrowsAsync<DeviceCommandException>(() => Send(tx, "rf", ("state", "on")));

        rig.Twin.GarbleReplies = false;
        await Until(() => tx.Status().Connection == ConnectionState.Connected && !rig.Alarms.IsActive(tx.ConnectionAlarm), "link back");
        // The command that went unanswered was still carried out by the transmitter (only its answer was garbled).
        await Until(() => Setting(tx, "rf") is { Desired: "on", Actual: "on" }, "rf reported on");
    }

    [Fact]
    public async Task A_hung_transmitter_never_holds_up_another()
    {
        await using var rig = TwinRig.Start();
        await using var other = new TransmitterTwin(TransmitterProfiles.Load(TransmitterProfileTests.Generic), new TransmitterTwinOptions());
        var hung = rig.Open("hung");
        var fine = rig.Open("fine", other);
        await Until(() => hung.Status().Connection == ConnectionState.Connected && fine.Status().Connection == ConnectionState.Connected, "both connected");

        rig.Twin.ReplyDelay = TimeSpan.FromSeconds(30);
        await Until(() => hung.Status().Connection == ConnectionState.Lost, "the hung one lost");
        var commandTimer = Stopwatch.StartNew();
        var stuck = Assert.ThrowsAsync<DeviceCommandException>(() => Send(hung, "power", ("percent", "10")));

        var before = fine.Status().Measurements.Single(m => m.Name == "forwardPower").At;
        await Send(fine, "rf", ("state", "on"));
        Assert.True(other.State.RfOn);
        await Until(() => fine.Status().Measurements.Single(m => m.Name == "forwardPower").At > before && Measured(fine, "forwardPower") == 1000, "the other still polled");
        Assert.Equal(ConnectionState.Connected, fine.Status().Connection);
        Assert.Contains("no answer", (await stuck).Message);
        Assert.True(commandTimer.Elapsed < TimeSpan.FromSeconds(5), $"a command to the hung one took {commandTimer.Elapsed}");
    }

    private static async Task<DeviceSetting> Settled(Device device, string name)
    {
        await Until(() => Setting(device, name) is { } s && s.Actual == s.Desired, $"{name} settled");
        return Setting(device, name)!;
    }
}
