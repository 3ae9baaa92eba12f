using System.Net;
using System.Net.Sockets;
using Playout.Devices.Transmitter;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Security;

namespace Playout.HwSim.Snmp;

/// <summary>
/// A device twin that is an SNMP agent on loopback serving a device profile's objects from the twin's model: the agent's
/// pipeline (<see cref="MessageProcessor"/> over a <see cref="MibTree"/>) with the wire faults every such twin shares:
/// silence while the model is silent (a communications loss: requests dropped), slow replies (<see cref="ReplyDelay"/>)
/// and garbled ones (<see cref="GarbleReplies"/>). An SNMPv3 user may be served beside v2c.
/// </summary>
public abstract class ProfileTwin : IAsyncDisposable
{
    private readonly IProfileModel _model;
    private readonly Socket _socket;
    private readonly MessageProcessor _processor;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _sets;

    /// <param name="user">An SNMPv3 user served beside v2c (it reads and writes everything), or null.</param>
    private protected ProfileTwin(TransmitterProfile profile, IProfileModel model, SystemInfo system, CommunityOptions communities, int port, string twin,
        UsmUserOptions? user = null)
    {
        model.Names.Check(profile, twin);
        _model = model;
        var counters = new AgentCounters();
        var tree = new MibTree();
        var engine = new VolatileEngine(32473, 65507);
        StandardGroups.Register(tree, system, counters, engine, UpTime);
        var objects = ProfileObjects.Build(profile, model, system.Description, () => Interlocked.Increment(ref _sets)).ToList();
        foreach (var mibObject in objects)
            tree.Register(mibObject);
        Objects = objects.ToDictionary(o => o.Root, o => (Func<SnmpValue>)(() => o.Read()));
        _processor = MessageProcessor.ForAgent(new SnmpAgentOptions { Communities = communities }, tree, counters, TwinUsm.Models(user, engine));
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        _loop = Task.Run(ReceiveLoop);
    }

    /// <summary>The agent's uptime (notifications carry it).</summary>
    private protected UpTime UpTime { get; } = new();

    /// <summary>Each served instance's reading, by OID (what a trap carries).</summary>
    private protected IReadOnlyDictionary<Oid, Func<SnmpValue>> Objects { get; }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>"127.0.0.1:PORT", the driver's <c>address</c> setting.</summary>
    public string Address => $"127.0.0.1:{EndPoint.Port}";

    /// <summary>How many SETs the twin has committed (a test sees a command that was never sent, or sent twice).</summary>
    public int Sets => Volatile.Read(ref _sets);

    /// <summary>How long the twin waits before answering each request (zero: at once).</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Answers arrive cut short (a failing serial-to-SNMP gateway, a damaged datagram): a manager must drop them.</summary>
    public bool GarbleReplies { get; set; }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[65535];
        var any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested) return;
                continue;
            }
            if (_model.Silent)
                continue;
            var datagram = buffer.AsMemory(0, received.ReceivedBytes).ToArray();
            var peer = (IPEndPoint)received.RemoteEndPoint;
            // Each request on its own task: a slow reply delays that request, not the twin's receiving.
            _ = Task.Run(() => Answer(datagram, peer));
        }
    }

    private async Task Answer(byte[] datagram, IPEndPoint peer)
    {
        try
        {
            if (ReplyDelay > TimeSpan.Zero)
                await Task.Delay(ReplyDelay, _stop.Token);
            byte[]? reply;
            lock (_processor)
                reply = _processor.Process(datagram, peer);
            if (reply is not null)
                await _socket.SendToAsync(GarbleReplies ? reply.AsMemory(0, reply.Length / 2) : reply, SocketFlags.None, peer, _stop.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Closing: the request goes unanswered, as a switched-off device's would.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        await DisposeModelAsync().ConfigureAwait(false);
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes what a twin adds beside the agent (its traps), once the agent has stopped.</summary>
    private protected virtual ValueTask DisposeModelAsync() => ValueTask.CompletedTask;
}
