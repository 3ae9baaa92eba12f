using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Playout.Snmp.Data;
using Playout.Snmp.Manager;

namespace Playout.Snmp.Tests.Manager;

/// <summary>The trap listener receiving from net-snmp's snmptrap and snmpinform; junk and other communities dropped and reported.</summary>
public class SnmpTrapListenerTests
{
    private const string VswrTrap = "1.3.6.1.4.1.32473.20.0.1";
    private const string VswrFlag = "1.3.6.1.4.1.32473.20.3.1.0";

    [Fact]
    public async Task Receives_traps_and_acknowledges_informs_from_net_snmp_and_drops_the_rest()
    {
        var traps = new ConcurrentQueue<ReceivedTrap>();
        var reports = new ConcurrentQueue<string>();
        await using var listener = new SnmpTrapListener(new IPEndPoint(IPAddress.Loopback, 0), "traps", traps.Enqueue, reports.Enqueue);
        listener.Start();
        string target = $"udp:127.0.0.1:{listener.LocalEndPoint.Port}";

        var trap = await NetSnmp.Run("snmptrap", "-m", "", "-v2c", "-c", "traps", target, "", VswrTrap, VswrFlag, "i", "1");
        Assert.Equal(0, trap.ExitCode);
        await Until(() => !traps.IsEmpty);
        var received = Assert.Single(traps);
        Assert.Equal((Oid.Parse(VswrTrap), false), (received.TrapOid, received.Inform));
        Assert.Equal(new Integer32(1), received.VarBinds.Single(b => b.Oid == Oid.Parse(VswrFlag)).Value);

        // snmpinform exits 0 only once the listener has acknowledged.
        var inform = await NetSnmp.Run("snmpinform", "-m", "", "-v2c", "-c", "traps", "-t", "2", "-r", "0", target, "", VswrTrap, VswrFlag, "i", "2");
        Assert.Equal(0, inform.ExitCode);
        Assert.DoesNotContain("Timeout", inform.Error);
        await Until(() => traps.Count == 2);
        Assert.True(traps.Last().Inform);

        var wrong = await NetSnmp.Run("snmptrap", "-m", "", "-v2c", "-c", "other", target, "", VswrTrap);
        Assert.Equal(0, wrong.ExitCode);
        using (var junk = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            junk.SendTo([0x30, 0x02, 0x05], listener.LocalEndPoint);
        await Until(() => reports.Count == 2);
        Assert.Equal(2, traps.Count);
        Assert.Contains(reports, r => r.Contains("another community", StringComparison.Ordinal));
        Assert.Contains(reports, r => r.Contains("undecodable datagram of 3 bytes", StringComparison.Ordinal));
    }

    private static async Task Until(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "not within 10 s");
            await Task.Delay(10);
        }
    }
}
