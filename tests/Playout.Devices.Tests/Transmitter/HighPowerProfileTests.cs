using System.Net;
using Playout.Engine.Alarms;
using Playout.HwSim.Transmitter;
using Playout.Snmp.Data;
using Playout.Snmp.Manager;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>
/// The table-indexed high-power profile (configs/devices/transmitter-highpower-tables.json) against the twin serving it:
/// the same names as the generic profile over other encodings (table rows .1, tenths, off(1)/on(2), an alarm bit field,
/// an offset temperature, a reset written as 2).
/// </summary>
public class HighPowerProfileTests
{
    private const string Tx = "1.3.6.1.4.1.32473.21.2.1.1";

    [Fact]
    public async Task Measurements_states_and_identity_are_read_from_the_table_rows_in_their_units()
    {
        await using var rig = TwinRig.Start(profile: TransmitterProfileTests.HighPower);
        var tx = rig.Open("tx");
        await Until(() => tx.Status().Connection == ConnectionState.Connected && Setting(tx, "rf")?.Actual == "off", "connected, RF off");
        Assert.Equal("Playout transmitter twin 1 kW", tx.Status().Identity);
        Assert.Equal(["main", "A", "antenna", "remote", "100"], new[] { "path", "exciter", "output", "mode", "power" }.Select(n => Setting(tx, n)?.Actual));

        await Send(tx, "rf", ("state", "on"));
        await Until(() => Measured(tx, "forwardPower") == 1000 && Setting(tx, "rf")?.Actual == "on", "on air at 1000 W");
        Assert.Equal(1.10, Measured(tx, "vswr"));
        Assert.InRange(Measured(tx, "reflectedPower")!.Value, 2.2, 2.3);
        Assert.InRange(Measured(tx, "temperature")!.Value, 44, 46);

        // On the wire: on is 2, 1000 W is 10000 tenths, 100 % is 1000 tenths, 45 °C is 850 tenths above -40 °C.
        var raw = await Raw(rig, $"{Tx}.2.1", "1.3.6.1.4.1.32473.21.3.1.1.2.1", $"{Tx}.3.1", "1.3.6.1.4.1.32473.21.5.1.1.4.1");
        Assert.Equal([2, 10000, 1000], raw[..3]);
        Assert.InRange(raw[3], 840, 860);
    }

    [Fact]
    public async Task Commands_are_sent_in_the_profiles_encoding_and_a_level_out_of_range_is_refused()
    {
        await using var rig = TwinRig.Start(profile: TransmitterProfileTests.HighPower);
        var tx = rig.Open("tx");
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "connected");

        await Send(tx, "power", ("percent", "55"));
        Assert.Equal(55, rig.Twin.State.PowerPercent);
        Assert.Equal(new[] { 550 }, await Raw(rig, $"{Tx}.3.1"));
        int sets = rig.Twin.Sets;
        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => Send(tx, "power", ("percent", "110.5")));
        Assert.Equal("percent: 110.5 is out of range (0 to 110 %)", refused.Message);
        Assert.Equal(sets, rig.Twin.Sets);

        await Send(tx, "changeover", ("to", "reserve"));
        await Send(tx, "exciter", ("select", "B"));
        await Send(tx, "output", ("to", "dummyLoad"));
        await Send(tx, "rf", ("state", "on"));
        Assert.Equal((true, true, true, true), (rig.Twin.State.Reserve, rig.Twin.State.ExciterB, rig.Twin.State.DummyLoad, rig.Twin.State.RfOn));
        Assert.Equal(new[] { 2, 1 }, await Raw(rig, $"{Tx}.2.1", $"{Tx}.7.1"));
        await Until(() => new[] { "path", "exciter", "output", "rf", "power" }.Select(n => Setting(tx, n)?.Actual).SequenceEqual(["reserve", "B", "dummyLoad", "on", "55"]),
            "every command reported back");
        await Send(tx, "rf", ("state", "off"));
        Assert.False(rig.Twin.State.RfOn);
    }

    [Theory]
    [InlineData(TransmitterFault.VswrTrip, "vswr", AlarmSeverity.Critical, 1)]
    [InlineData(TransmitterFault.OverTemperature, "temperature", AlarmSeverity.Major, 2)]
    [InlineData(TransmitterFault.ExciterFailure, "exciter", AlarmSeverity.Major, 4)]
    [InlineData(TransmitterFault.RfMute, "mute", AlarmSeverity.Critical, 8)]
    public async Task Each_fault_bit_raises_its_alarm_alone_and_clears_it(TransmitterFault fault, string alarm, AlarmSeverity severity, int bits)
    {
        await using var rig = TwinRig.Start(profile: TransmitterProfileTests.HighPower);
        var tx = rig.Open("tx");
        await SendUntilAnswered(tx, "rf", ("state", "on"));
        await Until(() => Measured(tx, "forwardPower") == 1000, "on air");

        rig.Twin.Inject(fault);
        await Until(() => rig.Alarms.IsActive($"device tx/{alarm}"), alarm);
        Assert.Equal([(severity, $"device tx/{alarm}")], FaultAlarms(rig).Select(a => (a.Severity, a.Source)));
        Assert.Equal(new[] { bits }, await Raw(rig, $"{Tx}.5.1"));
        if (fault == TransmitterFault.OverTemperature)
            await Until(() => Measured(tx, "temperature") == 85, "85 °C through the offset");

        rig.Twin.Clear(fault);
        if (fault == TransmitterFault.VswrTrip)
        {
            // Latched until the fault reset, which this profile writes as 2.
            await Task.Delay(200);
            Assert.True(rig.Alarms.IsActive("device tx/vswr"));
            await Send(tx, "reset");
        }
        await Until(() => FaultAlarms(rig).Count == 0, $"{alarm} cleared");
    }

    [Fact]
    public async Task Faults_at_once_are_bits_of_one_object_each_raising_its_own_alarm()
    {
        await using var rig = TwinRig.Start(profile: TransmitterProfileTests.HighPower);
        var tx = rig.Open("tx");
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "connected");
        rig.Twin.Inject(TransmitterFault.OverTemperature);
        rig.Twin.Inject(TransmitterFault.RfMute);
        await Until(() => FaultAlarms(rig).Count == 2, "two alarms");
        Assert.Equal(["device tx/mute", "device tx/temperature"], FaultAlarms(rig).Select(a => a.Source).Order());
        Assert.Equal(new[] { 10 }, await Raw(rig, $"{Tx}.5.1"));
        rig.Twin.Clear(TransmitterFault.RfMute);
        await Until(() => FaultAlarms(rig).Select(a => a.Source).SequenceEqual(["device tx/temperature"]), "mute cleared, temperature standing");
    }

    [Fact]
    public async Task The_top_bit_of_a_bit_field_read_as_a_negative_Integer32_raises_its_alarm()
    {
        using var folder = new Playout.TestSupport.TempDirectory();
        string profile = folder.Write("tx.json", System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(TransmitterProfileTests.HighPower).Replace("\"bit\": 3,", "\"bit\": 31,")));
        await using var rig = TwinRig.Start(profile: profile);
        var tx = rig.Open("tx");
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "connected");
        rig.Twin.Inject(TransmitterFault.RfMute);
        await Until(() => rig.Alarms.IsActive("device tx/mute"), "mute from bit 31");
        Assert.Equal(new[] { int.MinValue }, await Raw(rig, $"{Tx}.5.1"));
        Assert.Single(FaultAlarms(rig));
    }

    /// <summary>
    /// The fault alarms standing: a loaded test machine may leave a poll of the 500 ms, no-retry rig unanswered, and the link
    /// alarm that raises is not what these tests are about (the link's own tests are).
    /// </summary>
    private static List<Playout.Engine.Alarms.Alarm> FaultAlarms(TwinRig<TransmitterTwin> rig) =>
        [.. rig.Alarms.Active.Where(a => !a.Source.EndsWith("/connection", StringComparison.Ordinal))];

    /// <summary>The integers the twin serves at <paramref name="oids"/>, read by a manager of the test's own.</summary>
    private static async Task<int[]> Raw(TwinRig<TransmitterTwin> rig, params string[] oids)
    {
        using var manager = new SnmpManager(new IPEndPoint(IPAddress.Loopback, rig.Twin.EndPoint.Port), new SnmpManagerOptions());
        var values = await manager.GetAsync([.. oids.Select(Oid.Parse)]);
        return [.. values.Select(v => v.Value switch { Integer32 i => i.Value, UnsignedValue u => (int)u.Value, var other => throw new InvalidOperationException($"{v.Oid}: {other}") })];
    }
}
