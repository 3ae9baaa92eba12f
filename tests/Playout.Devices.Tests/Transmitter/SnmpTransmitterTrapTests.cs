using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Playout.HwSim.Transmitter;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;
using Playout.TestSupport;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>
/// Traps: the twin traps on a change, and the driver (polling only every 10 s) polls at once on a trap from its
/// transmitter; junk, another community and another sender are logged once and change nothing.
/// </summary>
public class SnmpTransmitterTrapTests
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(10);

    private static Action<Dictionary<string, string>> Trapped(int port) => settings =>
    {
        settings["pollMs"] = ((int)LongPoll.TotalMilliseconds).ToString();
        settings["timeoutMs"] = "1000";
        settings["trapListen"] = $"127.0.0.1:{port}";
    };

    [Fact]
    public async Task A_vswr_trip_raises_the_alarm_within_a_second_through_the_trap_not_the_10_s_poll()
    {
        int port = FreePorts.Udp();
        await using var rig = TwinRig.Start(trapSink: new IPEndPoint(IPAddress.Loopback, port));
        var tx = rig.Open("tx", adjust: Trapped(port));
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "first poll");

        // The RF command's trap makes the driver read the new state at once, not 10 s later.
        await Send(tx, "rf", ("state", "on"));
        await Until(() => Setting(tx, "rf")?.Actual == "on", "RF on seen through the trap");

        var tripped = Stopwatch.StartNew();
        rig.Twin.Inject(TransmitterFault.VswrTrip);
        while (!rig.Alarms.IsActive("device tx/vswr") && tripped.Elapsed < LongPoll)
            await Task.Delay(5);
        Assert.InRange(tripped.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        await Until(() => Setting(tx, "rf")?.Actual == "off", "RF off after the trip");
        Assert.Contains(rig.Logger.Lines, l => l.Contains("trap 1.3.6.1.4.1.32473.20.0.1 from the transmitter, polling now"));
    }

    [Fact]
    public async Task Junk_another_community_and_another_sender_are_logged_once_where_they_failed_and_traps_still_work()
    {
        int port = FreePorts.Udp();
        await using var rig = TwinRig.Start(trapSink: new IPEndPoint(IPAddress.Loopback, port));
        var tx = rig.Open("tx", adjust: Trapped(port));
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "first poll");
        var trapPort = new IPEndPoint(IPAddress.Loopback, port);

        using var local = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        local.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        stranger.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        for (int i = 0; i < 2; i++)
        {
            local.SendTo([0x30, 0x03, 0x02, 0x01], trapPort);
            local.SendTo(Trap("wrong"), trapPort);
            stranger.SendTo(Trap("public"), trapPort);
        }

        string[] expected =
        [
            "dropped an undecodable datagram of 4 bytes from 127.0.0.1",
            "dropped a notification from 127.0.0.1",
            "ignored a trap from 127.0.0.2, which is not the transmitter (127.0.0.1)",
        ];
        await Until(() => expected.All(e => rig.Logger.Lines.Any(l => l.Contains(e))), "each refusal logged");
        await Task.Delay(200);
        Assert.All(expected, e => Assert.Single(rig.Logger.Lines, l => l.Contains(e)));
        Assert.Contains(rig.Logger.Lines, l => l.Contains("with another community"));
        Assert.Equal(ConnectionState.Connected, tx.Status().Connection);

        // Nothing broke: the twin's trap still reaches the driver and the alarm comes within a second.
        var tripped = Stopwatch.StartNew();
        rig.Twin.Inject(TransmitterFault.VswrTrip);
        while (!rig.Alarms.IsActive("device tx/vswr") && tripped.Elapsed < LongPoll)
            await Task.Delay(5);
        Assert.InRange(tripped.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    private static byte[] Trap(string community) => new CommunityMessage(SnmpVersion.V2c, Encoding.UTF8.GetBytes(community), Pdu.Request(PduType.SnmpV2Trap, 1,
    [
        new VarBind(StandardGroups.SysUpTimeInstance, new TimeTicks(1)),
        new VarBind(StandardGroups.SnmpTrapOidInstance, new ObjectIdentifier(TransmitterTraps.ChangeTrapOid)),
    ])).Encode();

    [Fact]
    public async Task A_trap_port_already_taken_is_logged_when_the_device_starts_and_it_keeps_polling()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        await using var rig = TwinRig.Start();
        var tx = rig.Open("tx", adjust: settings => settings["trapListen"] = $"127.0.0.1:{port}");
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "polling");
        Assert.Contains(rig.Logger.Lines, l => l.Contains($"trapListen: cannot listen on 127.0.0.1:{port}") && l.Contains("faults are seen at each poll only"));
        rig.Twin.Inject(TransmitterFault.VswrTrip);
        await Until(() => rig.Alarms.IsActive("device tx/vswr"), "the trip seen by polling");
    }
}
