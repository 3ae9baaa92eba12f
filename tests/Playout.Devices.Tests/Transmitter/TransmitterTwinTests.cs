using System.Collections.Concurrent;
using System.Net;
using Playout.Devices.Transmitter;
using Playout.HwSim.Transmitter;
using Playout.Snmp.Data;
using Playout.Snmp.Manager;
using Playout.Snmp.Pdus;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>The twin serves only what it simulates (a profile naming anything else is refused, naming it; a SET the profile does not map is refused), and traps its changes.</summary>
public class TransmitterTwinTests
{
    [Fact]
    public async Task A_vswr_trip_and_a_command_are_trapped_with_the_objects_that_changed_and_nothing_else()
    {
        var traps = new ConcurrentQueue<ReceivedTrap>();
        await using var listener = new SnmpTrapListener(new IPEndPoint(IPAddress.Loopback, 0), "traps", traps.Enqueue, _ => { });
        listener.Start();
        var profile = TransmitterProfiles.Load(TransmitterProfileTests.Generic);
        await using var twin = new TransmitterTwin(profile, new TransmitterTwinOptions { TrapSink = listener.LocalEndPoint, TrapCommunity = "traps" });
        twin.State.RfOn = true;
        await TwinRig.Until(() => traps.Count == 1, "the RF trap");
        twin.Inject(TransmitterFault.VswrTrip);
        await TwinRig.Until(() => traps.Count == 2, "the trip's trap");
        twin.State.PowerPercent = 100; // unchanged: no trap
        twin.State.PowerPercent = 80;
        await TwinRig.Until(() => traps.Count == 3, "the power trap");

        Oid Of(string state) => profile.States.Single(s => s.Name == state).Oid;
        var vswr = profile.Alarms.Single(a => a.Name == "vswr").Oid;
        var changed = traps.Select(t => t.VarBinds.Skip(2).Select(b => (b.Oid, ((Integer32)b.Value).Value)).ToArray()).ToArray();
        Assert.All(traps, t => Assert.Equal((TransmitterTraps.ChangeTrapOid, false), (t.TrapOid, t.Inform)));
        Assert.Equal([(Of("rf"), 1)], changed[0]);
        Assert.Equal([(Of("rf"), 2), (vswr, 1)], changed[1]);
        Assert.Equal([(Of("power"), 80)], changed[2]);
    }

    [Fact]
    public void A_profile_naming_what_the_twin_does_not_simulate_is_refused()
    {
        var profile = TransmitterProfiles.Parse("""
            { "name": "odd",
              "measurements": [ { "name": "forwardPower", "oid": "1.3.6.1.4.1.32473.20.1.1.0", "unit": "W" },
                                { "name": "frobs", "oid": "1.3.6.1.4.1.32473.20.1.9.0", "unit": "Hz" } ],
              "alarms": [ { "name": "smoke", "oid": "1.3.6.1.4.1.32473.20.3.9.0", "active": [1], "message": "smoke" } ] }
            """, "odd.json");
        var error = Assert.Throws<ArgumentException>(() => new TransmitterTwin(profile, new TransmitterTwinOptions()));
        Assert.Equal("transmitter twin: profile odd names what the twin does not simulate: frobs, smoke", error.Message);
    }

    [Theory]
    [InlineData("1.3.6.1.4.1.32473.20.2.1.0", 3)]     // rf: neither on (1) nor off (2)
    [InlineData("1.3.6.1.4.1.32473.20.2.6.0", 111)]   // power: above the profile's 110 %
    [InlineData("1.3.6.1.4.1.32473.20.4.1.0", 2)]     // reset: only 1 resets
    public async Task A_SET_the_profile_does_not_map_is_refused_as_a_wrong_value_and_changes_nothing(string oid, int value)
    {
        await using var twin = new TransmitterTwin(TransmitterProfiles.Load(TransmitterProfileTests.Generic), new TransmitterTwinOptions());
        using var manager = new SnmpManager(new IPEndPoint(IPAddress.Loopback, twin.EndPoint.Port), new SnmpManagerOptions { WriteCommunity = "private" });
        var error = await Assert.ThrowsAsync<SnmpManagerException>(() => manager.SetAsync([new VarBind(Oid.Parse(oid), new Integer32(value))]));
        Assert.Contains(nameof(ErrorStatus.WrongValue), error.Message);
        Assert.Equal((0, false, 100), (twin.Sets, twin.State.RfOn, twin.State.PowerPercent));
    }
}
