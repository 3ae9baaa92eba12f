using System.Net;
using System.Net.Sockets;
using System.Text;
using Playout.Snmp.Data;
using Playout.Snmp.Manager;
using Playout.Snmp.Messages;
using Playout.Snmp.Pdus;
using Playout.TestSupport;

namespace Playout.Snmp.Tests.Manager;

/// <summary>The manager against net-snmp's snmpd (a real agent), a silent port, and a peer that answers with junk first.</summary>
public class SnmpManagerTests
{
    private static readonly Oid System = Oid.Parse("1.3.6.1.2.1.1");
    private static readonly Oid SysDescr = Oid.Parse("1.3.6.1.2.1.1.1.0");
    private static readonly Oid SysContact = Oid.Parse("1.3.6.1.2.1.1.4.0");

    private static SnmpManagerOptions Options => new() { Community = "public", WriteCommunity = "private", Timeout = TimeSpan.FromSeconds(2), Retries = 1 };

    [Fact]
    public async Task Gets_walks_and_sets_against_snmpd()
    {
        using var snmpd = await Snmpd.Start();
        using var manager = new SnmpManager(snmpd.EndPoint, Options);

        var descr = Assert.Single(await manager.GetAsync([SysDescr]));
        Assert.Equal((SysDescr, Snmpd.Description), (descr.Oid, Assert.IsType<OctetString>(descr.Value).Text));

        var system = await manager.WalkAsync(System);
        Assert.True(system.Count >= 7, $"walked {system.Count}: {string.Join("; ", system)}");
        Assert.All(system, b => Assert.True(b.Oid.StartsWith(System)));
        Assert.Equal(system.OrderBy(b => b.Oid).Select(b => b.Oid), system.Select(b => b.Oid));
        Assert.Contains(system, b => b.Oid == SysDescr);

        string contact = $"noc-{Guid.NewGuid():N}";
        await manager.SetAsync([new VarBind(SysContact, new OctetString(contact))]);
        Assert.Equal(contact, Assert.IsType<OctetString>(Assert.Single(await manager.GetAsync([SysContact])).Value).Text);

        // The read community may not write: snmpd refuses, and the error names the object.
        using var reader = new SnmpManager(snmpd.EndPoint, Options with { WriteCommunity = null });
        var refused = await Assert.ThrowsAsync<SnmpManagerException>(() => reader.SetAsync([new VarBind(SysContact, new OctetString("x"))]));
        Assert.Contains("NoAccess", refused.Message);
        Assert.Contains("1.3.6.1.2.1.1.4.0", refused.Message);
    }

    [Fact]
    public async Task A_silent_port_times_out_after_its_retries()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var manager = new SnmpManager((IPEndPoint)silent.LocalEndPoint!, Options with { Timeout = TimeSpan.FromMilliseconds(200), Retries = 2 });
        var started = DateTime.UtcNow;
        var timeout = await Assert.ThrowsAsync<SnmpTimeoutException>(() => manager.GetAsync([SysDescr]));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(10));
        Assert.Contains("3 tries", timeout.Message);
        Assert.Equal(3, CountDatagrams(silent));
    }

    [Fact]
    public async Task Junk_another_request_id_and_another_community_are_reported_and_skipped_for_the_real_answer_and_a_misnamed_answer_is_an_error()
    {
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var reports = new List<string>();
        using var manager = new SnmpManager((IPEndPoint)peer.LocalEndPoint!, Options, r => { lock (reports) reports.Add(r); });
        var answer = manager.GetAsync([SysDescr]);

        var buffer = new byte[65535];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        int length = peer.ReceiveFrom(buffer, ref from);
        var request = CommunityMessage.Decode(buffer.AsMemory(0, length));
        int other = request.Pdu.RequestId + 7;
        VarBind[] value = [new VarBind(SysDescr, new OctetString("right"))];
        peer.SendTo([0x30, 0x03, 0x02, 0x01], from);
        peer.SendTo(new CommunityMessage(SnmpVersion.V2c, request.Community, Pdu.ResponseTo(request.Pdu with { RequestId = other }, value)).Encode(), from);
        peer.SendTo(new CommunityMessage(SnmpVersion.V2c, Encoding.UTF8.GetBytes("other"), Pdu.ResponseTo(request.Pdu, value)).Encode(), from);
        peer.SendTo(new CommunityMessage(SnmpVersion.V2c, request.Community, Pdu.ResponseTo(request.Pdu, value)).Encode(), from);

        Assert.Equal("right", Assert.IsType<OctetString>(Assert.Single(await answer).Value).Text);
        // The right request-id but another object: the agent is wrong, and the error says how.
        var misnamed = manager.GetAsync([SysDescr]);
        length = peer.ReceiveFrom(buffer, ref from);
        request = CommunityMessage.Decode(buffer.AsMemory(0, length));
        peer.SendTo(new CommunityMessage(SnmpVersion.V2c, request.Community, Pdu.ResponseTo(request.Pdu, [new VarBind(SysContact, new OctetString("x"))])).Encode(), from);
        var error = await Assert.ThrowsAsync<SnmpManagerException>(() => misnamed);
        Assert.EndsWith("Get 1.3.6.1.2.1.1.1.0: binding 1 answered as 1.3.6.1.2.1.1.4.0 for 1.3.6.1.2.1.1.1.0", error.Message);
        lock (reports)
        {
            Assert.Equal(3, reports.Count);
            Assert.Contains("undecodable datagram of 4 bytes", reports[0]);
            Assert.Contains($"request-id {other}", reports[1]);
            Assert.Contains("another community", reports[2]);
        }
    }

    private static int CountDatagrams(Socket socket)
    {
        int count = 0;
        var buffer = new byte[65535];
        while (socket.Available > 0)
        {
            socket.Receive(buffer);
            count++;
        }
        return count;
    }
}
