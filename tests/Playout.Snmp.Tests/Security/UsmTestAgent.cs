using System.Net;
using System.Net.Sockets;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>
/// A USM agent on a loopback port for the net-snmp tests: the real <see cref="MessageProcessor"/> and
/// <see cref="UsmSecurityModel"/>, serving GET and GETNEXT over a few fixed objects through the principal's read view.
/// </summary>
internal sealed class UsmTestAgent : IDisposable, IRequestHandler
{
    public static readonly Oid SysDescr = Oid.Parse("1.3.6.1.2.1.1.1.0");
    public static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");
    public static readonly Oid Product = Oid.Parse("1.3.6.1.4.1.32473.1.1.0");

    private readonly SortedDictionary<Oid, SnmpValue> _objects = new()
    {
        [SysDescr] = new OctetString("Playout test agent"u8.ToArray()),
        [SysName] = new OctetString("usm-test"u8.ToArray()),
        [Product] = new OctetString("Playout"u8.ToArray()),
    };

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly MessageProcessor _processor;
    private readonly Thread _loop;

    public UsmTestAgent(UsmSecurityModel model)
    {
        Model = model;
        _processor = new MessageProcessor([model], this, new AgentCounters());
        _loop = new Thread(Serve) { IsBackground = true, Name = "usm-test-agent" };
        _loop.Start();
    }

    public UsmSecurityModel Model { get; }

    public string Address => $"udp:127.0.0.1:{((IPEndPoint)_socket.Client.LocalEndPoint!).Port}";

    public AgentCounters Counters => _processor.Counters;

    public Pdu Handle(Pdu request, RequestContext context)
    {
        var bindings = request.VarBinds.Select(vb => request.Type == PduType.GetNext ? Next(vb.Oid, context.View) : Get(vb.Oid, context.View));
        return Pdu.ResponseTo(request, bindings.ToArray());
    }

    private VarBind Get(Oid oid, IAccessView view) =>
        view.CanRead(oid) && _objects.TryGetValue(oid, out var value) ? new VarBind(oid, value) : new VarBind(oid, Null.NoSuchObject);

    private VarBind Next(Oid oid, IAccessView view)
    {
        foreach (var (candidate, value) in _objects)
        {
            if (candidate > oid && view.CanRead(candidate))
                return new VarBind(candidate, value);
        }
        return new VarBind(oid, Null.EndOfMibView);
    }

    private void Serve()
    {
        while (true)
        {
            UdpReceiveResult received;
            try { received = _socket.ReceiveAsync().GetAwaiter().GetResult(); }
            catch (Exception e) when (e is ObjectDisposedException or SocketException) { return; }
            if (_processor.Process(received.Buffer, received.RemoteEndPoint) is { } reply)
                _socket.Send(reply, reply.Length, received.RemoteEndPoint);
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _loop.Join(TimeSpan.FromSeconds(5));
    }
}
