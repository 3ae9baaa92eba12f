using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Tests.Gpi;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.HwSim.Transmitter;
using static Playout.Devices.Tests.Serial.SerialRig;

namespace Playout.Devices.Tests.Serial;

/// <summary>
/// The serial-ascii driver with the transmitter profile against the transmitter twin's serial front end over socat:
/// measurements, commands (carried out, refused before the line, refused by the device), every transmitter fault, and
/// the line's own faults (silent, garbled, noise, slow within and over the timeout, babble).
/// </summary>
[Collection(nameof(SerialLines))]
public sealed class SerialTransmitterTests : IAsyncLifetime
{
    private readonly SerialRig _rig = new();
    private TransmitterTwin _twin = null!;
    private TransmitterSerialFrontEnd _front = null!;

    public Task InitializeAsync()
    {
        _twin = new TransmitterTwin(TransmitterProfiles.Load(Transmitter.TransmitterProfileTests.Generic), new TransmitterTwinOptions { RampTime = TimeSpan.Zero });
        _front = _rig.Twin(port => new TransmitterSerialFrontEnd(port, _twin.State));
        _rig.Open(TransmitterSerialProfile);
        return _rig.Connected();
    }

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        await _twin.DisposeAsync();
    }

    private Device Tx => _rig.Device;

    [Fact]
    public async Task Reads_identity_measurements_with_units_and_states_and_RF_on_brings_the_power_up()
    {
        await Until(() => _rig.Setting("power")?.Actual is not null, "states read");
        var status = Tx.Status();
        Assert.Equal("Playout transmitter twin 1 kW", status.Identity);
        Assert.Equal([("forwardPower", 0.0, "W"), ("reflectedPower", 0.0, "W"), ("vswr", 1.10, ":1")],
            status.Measurements.Where(m => m.Name != "temperature").OrderBy(m => m.Name == "vswr").ThenBy(m => m.Name).Select(m => (m.Name, m.Value, m.Unit)));
        Assert.InRange(_rig.Measured("temperature")!.Value, 24, 26);
        Assert.Equal(["off", "main", "A", "antenna", "remote", "100"], new[] { "rf", "path", "exciter", "output", "mode", "power" }.Select(n => _rig.Setting(n)?.Actual));

        await _rig.Send("rf", ("state", "on"));
        Assert.True(_twin.State.RfOn);
        await Until(() => _rig.Measured("forwardPower") == 1000 && _rig.Setting("rf")?.Actual == "on", "1000 W on air");
        Assert.InRange(_rig.Measured("reflectedPower")!.Value, 2.0, 2.5);
        Assert.InRange(_rig.Measured("temperature")!.Value, 44, 46);
    }

    [Fact]
    public async Task Commands_are_filled_from_their_templates_and_one_out_of_range_never_reaches_the_line()
    {
        await _rig.Send("power", ("percent", "55"));
        Assert.Equal(55, _twin.State.PowerPercent);
        Assert.Contains("PWR 055", _front.Requests);
        await Until(() => _rig.Setting("power") is { Desired: "55", Actual: "55" }, "power 55 settled");

        foreach (var wrong in new[] { "111", "-1", "lots" })
            await Assert.ThrowsAsync<DeviceCommandException>(() => _rig.Send("power", ("percent", wrong)));
        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => _rig.Send("power", ("percent", "120")));
        Assert.Equal("percent: 120 is out of range (0 to 110 %)", refused.Message);
        Assert.Equal(["PWR 055"], _front.Requests.Where(r => r.StartsWith("PWR", StringComparison.Ordinal)));

        await _rig.Send("changeover", ("to", "reserve"));
        await _rig.Send("output", ("to", "dummyLoad"));
        await _rig.Send("exciter", ("select", "B"));
        Assert.Equal((true, true, true), (_twin.State.Reserve, _twin.State.DummyLoad, _twin.State.ExciterB));
        await Until(() => _rig.Setting("path")?.Actual == "reserve" && _rig.Setting("output")?.Actual == "dummyLoad" && _rig.Setting("exciter")?.Actual == "B",
            "the switches reported");
        Assert.Equal(1.02, _rig.Measured("vswr"));
    }

    [Fact]
    public async Task A_VSWR_trip_shows_on_the_serial_and_the_SNMP_side_RF_on_is_refused_by_the_device_and_a_reset_clears_it()
    {
        // The SNMP side of the same twin, watched on the same board: one fault, both drivers see it.
        await using var snmp = new SnmpTransmitterDriver().Open("snmp", new Dictionary<string, string>
        {
            ["address"] = _twin.Address, ["writeCommunity"] = "private", ["profile"] = Transmitter.TransmitterProfileTests.Generic, ["pollMs"] = "50",
        }, new DeviceContext(_rig.Alarms, NullLogger.Instance, TimeProvider.System));
        snmp.Start();
        await _rig.Send("rf", ("state", "on"));
        await Until(() => _rig.Measured("forwardPower") == 1000, "on air");

        _twin.Inject(TransmitterFault.VswrTrip);
        await Until(() => _rig.Alarms.IsActive("device tx/vswr") && _rig.Alarms.IsActive("device snmp/vswr"), "vswr alarm on both sides");
        var alarm = _rig.Alarms.Active.Single(a => a.Source == "device tx/vswr");
        Assert.Equal((AlarmSeverity.Critical, "tx: VSWR trip: RF off"), (alarm.Severity, alarm.Message));
        await Until(() => _rig.Setting("rf")?.Actual == "off" && _rig.Measured("forwardPower") == 0 && _rig.Measured("vswr") == 3, "RF off at VSWR 3");

        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => _rig.Send("rf", ("state", "on")));
        Assert.Equal("tx: rf refused by the device: 21 VSWR LATCHED", refused.Message);
        Assert.Equal(ConnectionState.Connected, Tx.Status().Connection);

        await _rig.Send("reset");
        await Until(() => !_rig.Alarms.IsActive("device tx/vswr"), "vswr alarm cleared by the reset");
    }

    [Theory]
    [InlineData(TransmitterFault.OverTemperature, "device tx/temperature", AlarmSeverity.Major)]
    [InlineData(TransmitterFault.ExciterFailure, "device tx/exciter", AlarmSeverity.Major)]
    [InlineData(TransmitterFault.RfMute, "device tx/mute", AlarmSeverity.Critical)]
    public async Task Each_transmitter_fault_raises_its_alarm_and_clears_it_when_it_is_gone(TransmitterFault fault, string source, AlarmSeverity severity)
    {
        await _rig.Send("rf", ("state", "on"));
        await Until(() => _rig.Measured("forwardPower") == 1000, "on air");

        _twin.Inject(fault);
        await Until(() => _rig.Alarms.IsActive(source), source);
        Assert.Equal(severity, _rig.Alarms.Active.Single().Severity);
        Func<bool> shows = fault switch
        {
            TransmitterFault.OverTemperature => () => _rig.Measured("temperature") == 85,
            TransmitterFault.ExciterFailure => () => _rig.Setting("exciter")?.Actual == "B",
            _ => () => _rig.Measured("forwardPower") == 0 && _rig.Setting("rf")?.Actual == "on",
        };
        await Until(shows, $"{fault} in the readings");

        _twin.Clear(fault);
        await Until(() => _rig.Alarms.Active.Count == 0, $"{source} cleared");
    }

    [Fact]
    public async Task A_silent_line_is_a_lost_link_alarmed_and_the_reconnect_asserts_the_desired_state_once()
    {
        await _rig.Send("rf", ("state", "on"));
        await _rig.Send("power", ("percent", "80"));
        await Until(() => _rig.Setting("power")?.Actual == "80", "power 80 reported");

        _front.Silent = true;
        await _rig.Lost();
        Assert.True(_rig.Alarms.IsActive(Tx.ConnectionAlarm));
        Assert.Contains("no answer to", Tx.Status().Error);
        var failed = await Assert.ThrowsAsync<DeviceCommandException>(() => _rig.Send("exciter", ("select", "B")));
        Assert.StartsWith("tx: exciter not carried out:", failed.Message);
        // Someone at the transmitter turns the power down and RF off while the line is silent.
        _twin.State.PowerPercent = 40;
        _twin.State.RfOn = false;
        _twin.State.ExciterB = false;
        int commands = _front.Commands;

        _front.Silent = false;
        await Until(() => Tx.Status().Connection == ConnectionState.Connected && !_rig.Alarms.IsActive(Tx.ConnectionAlarm), "link back");
        await Until(() => _twin.State.PowerPercent == 80 && _twin.State.RfOn && _twin.State.ExciterB, "desired state asserted again");
        // Many polls later still exactly the three commands: no storm.
        await Task.Delay(600);
        Assert.Equal(commands + 3, _front.Commands);
        Assert.Contains(_rig.Log.Lines, l => l.Contains("asserting power=80 again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pulled_cable_is_alarmed_the_port_is_opened_again_once_plugged_and_the_desired_power_asserted_once()
    {
        await _rig.Send("power", ("percent", "70"));
        _front.Dispose();
        _rig.Line.Pull();
        await _rig.Lost();
        Assert.True(_rig.Alarms.IsActive(Tx.ConnectionAlarm));
        _twin.State.PowerPercent = 20;

        _rig.Line.Plug();
        var plugged = _rig.Twin(port => new TransmitterSerialFrontEnd(port, _twin.State));
        await _rig.Connected();
        await Until(() => _twin.State.PowerPercent == 70, "power asserted again");
        await Task.Delay(600);
        Assert.Equal(1, plugged.Commands);
        Assert.False(_rig.Alarms.IsActive(Tx.ConnectionAlarm));
        Assert.True(_rig.Log.Lines.Count(l => l.Contains("open at 9600 baud", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public async Task A_silent_transmitter_never_holds_up_another_and_a_command_to_it_fails_within_its_timeouts()
    {
        await using var other = new SerialRig();
        var otherFront = other.Twin(port => new TransmitterSerialFrontEnd(port, new TransmitterState(TimeProvider.System, 1000, TimeSpan.Zero)));
        other.Open(TransmitterSerialProfile, name: "other");
        await other.Connected();

        _front.Silent = true;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failed = await Assert.ThrowsAsync<DeviceCommandException>(() => _rig.Send("power", ("percent", "10")));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"a command to the silent one took {clock.Elapsed}");
        Assert.Contains("tx: power not", failed.Message);

        var before = other.Device.Status().Measurements.Single(m => m.Name == "forwardPower").At;
        await other.Send("rf", ("state", "on"));
        Assert.Equal(1, otherFront.Commands);
        await Until(() => other.Device.Status().Measurements.Single(m => m.Name == "forwardPower").At > before && other.Measured("forwardPower") == 1000, "the other still polled");
        await _rig.Lost();
        Assert.Equal(ConnectionState.Connected, other.Device.Status().Connection);
    }

    [Fact]
    public async Task The_twins_communications_loss_silences_its_serial_port_too()
    {
        _twin.Inject(TransmitterFault.CommunicationsLoss);
        await _rig.Lost();
        Assert.True(_rig.Alarms.IsActive(Tx.ConnectionAlarm));
        _twin.Clear(TransmitterFault.CommunicationsLoss);
        await _rig.Connected();
        Assert.False(_rig.Alarms.IsActive(Tx.ConnectionAlarm));
    }

    [Fact]
    public async Task Garbled_replies_are_logged_with_what_was_asked_and_lose_the_link_until_they_are_whole_again()
    {
        _front.Garbled = true;
        await _rig.Lost();
        Assert.True(_rig.Alarms.IsActive(Tx.ConnectionAlarm));
        Assert.Contains(_rig.Log.Lines, l => l.Contains("asked 'MEAS?', got 'M#A# #W#", StringComparison.Ordinal) && l.Contains("not its reply", StringComparison.Ordinal));

        _front.Garbled = false;
        await _rig.Connected();
        Assert.False(_rig.Alarms.IsActive(Tx.ConnectionAlarm));
    }

    [Fact]
    public async Task Line_noise_before_each_reply_is_skipped_with_its_line_number_and_the_link_stays_up()
    {
        _front.Noise = true;
        await Until(() => _rig.Log.Lines.Count(l => l.Contains("is not text, skipped", StringComparison.Ordinal)) >= 5, "noise lines reported");
        Assert.Contains(_rig.Log.Lines, l => l.Contains("line ", StringComparison.Ordinal) && l.Contains("0x00 0xFF", StringComparison.Ordinal));
        await _rig.Send("power", ("percent", "70"));
        Assert.Equal(70, _twin.State.PowerPercent);
        Assert.Equal(ConnectionState.Connected, Tx.Status().Connection);
    }

    [Fact]
    public async Task A_slow_reply_within_the_timeout_is_taken_and_one_over_it_loses_the_link_with_the_late_replies_passed_over()
    {
        _front.ReplyDelay = TimeSpan.FromMilliseconds(60);
        await _rig.Send("power", ("percent", "90"));
        Assert.Equal(90, _twin.State.PowerPercent);
        var read = Tx.Status().Measurements.Single(m => m.Name == "vswr").At;
        await Until(() => Tx.Status().Measurements.Single(m => m.Name == "vswr").At > read, "polled while slow");
        Assert.Equal(ConnectionState.Connected, Tx.Status().Connection);

        _front.ReplyDelay = TimeSpan.FromMilliseconds(700);
        await _rig.Lost();
        Assert.Contains("within 300 ms (2 tries)", Tx.Status().Error);
        _front.ReplyDelay = TimeSpan.Zero;
        await _rig.Connected();
        // Each late reply is passed over, logged with what it came after, never taken for another request's.
        Assert.Contains(_rig.Log.Lines, l => l.Contains("came unasked", StringComparison.Ordinal) || l.Contains("not its reply, passed over", StringComparison.Ordinal));
        Assert.False(_rig.Alarms.IsActive(Tx.ConnectionAlarm));
    }

    [Fact]
    public async Task Random_bytes_on_the_line_never_throw_out_of_the_driver_and_it_answers_after()
    {
        var random = new Random(14);
        var bytes = new byte[8192];
        for (int i = 0; i < 8; i++)
        {
            random.NextBytes(bytes);
            _front.Babble(bytes);
        }
        // A reply glued to the noise is lost, so the link may drop for a moment; it comes back by itself.
        var babbled = DateTimeOffset.UtcNow;
        await Until(() => Tx.Status().Connection == ConnectionState.Connected && Tx.Status().Measurements.All(m => m.At > babbled), "polled again after the babble");
        await _rig.Send("power", ("percent", "30"));
        Assert.Equal(30, _twin.State.PowerPercent);
        await Until(() => _rig.Setting("power")?.Actual == "30", "power 30 polled after the babble");
        Assert.Contains(_rig.Log.Lines, l => l.Contains("not text, skipped", StringComparison.Ordinal) || l.Contains("longer than", StringComparison.Ordinal));
    }
}
