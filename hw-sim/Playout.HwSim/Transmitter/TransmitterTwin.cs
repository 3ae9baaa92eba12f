using System.Net;
using System.Net.Sockets;
using Playout.Devices.Transmitter;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.HwSim.Transmitter;

/// <summary>
/// A transmitter controller on loopback: the SNMP agent's pipeline (<see cref="MessageProcessor"/> over a
/// <see cref="MibTree"/>) serving a profile's objects from a <see cref="TransmitterState"/>, with faults injected
/// from code: the transmitter's own (<see cref="TransmitterFault"/>), communications loss (requests dropped),
/// slow replies (<see cref="ReplyDelay"/>) and garbled ones (<see cref="GarbleReplies"/>); traps to a sink on changes
/// (<see cref="TransmitterTraps"/>). The profile must use the generic profile's names (forwardPower, rf, vswr…).
/// </summary>
public sealed class TransmitterTwin : IAsyncDisposable
{
    /// <summary>sysObjectID of the twin: the generic transmitter arc.</summary>
    private static readonly Oid TwinObjectId = Oid.Parse("1.3.6.1.4.1.32473.20");

    private readonly Socket _socket;
    private readonly MessageProcessor _processor;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TransmitterTraps? _traps;
    private int _sets;

    public TransmitterTwin(TransmitterProfile profile, TransmitterTwinOptions options)
    {
        State = new TransmitterState(options.Time, options.NominalWatts, options.RampTime);
        var objects = new Dictionary<Oid, (Func<SnmpValue> Read, Func<int, bool>? Write)>();
        var counters = new AgentCounters();
        var upTime = new UpTime();
        var tree = new MibTree();
        var engine = new VolatileEngine(32473, 65507);
        StandardGroups.Register(tree, new SystemInfo(options.Description, TwinObjectId, "", "transmitter twin", "hw-sim"), counters,
            engine, upTime);

        string[] unknown = [.. profile.Measurements.Select(m => m.Name).Except(["forwardPower", "reflectedPower", "vswr", "temperature"])
            .Concat(profile.States.Select(st => st.Name).Except(["rf", "path", "exciter", "output", "mode", "power"]))
            .Concat(profile.Commands.Select(c => c.Name).Except(["rf", "power", "changeover", "exciter", "output", "reset"]))
            .Concat(profile.Alarms.Select(a => a.Name).Except(["vswr", "temperature", "exciter", "mute"]))];
        if (unknown.Length > 0)
            throw new ArgumentException($"transmitter twin: profile {profile.Name} names what the twin does not simulate: {string.Join(", ", unknown)}");
        foreach (var m in profile.Measurements)
            objects[m.Oid] = (Number(m.Name, m.Scale), null);
        foreach (var s in profile.States)
            objects[s.Oid] = (StateRead(s), null);
        foreach (var a in profile.Alarms)
            objects[a.Oid] = (Flag(a.Name), null);
        foreach (var c in profile.Commands)
            objects[c.Oid] = (objects.TryGetValue(c.Oid, out var read) ? read.Read : () => new Integer32(0), Writer(c.Name));
        foreach (var (oid, access) in objects)
        {
            if (oid.Length < 2 || oid[oid.Length - 1] != 0)
                throw new ArgumentException($"transmitter twin: {oid} is not a scalar instance (.0)");
            tree.Register(new MibScalar(new Oid(oid.Arcs[..^1]), access.Read, access.Write is not { } write ? null : new ScalarWrite(
                value => value is Integer32 ? ErrorStatus.NoError : ErrorStatus.WrongType,
                (value, _) => Counted(write(((Integer32)value).Value)))));
        }
        if (options.TrapSink is { } sink)
            _traps = new TransmitterTraps(State, [.. profile.States.Select(st => st.Oid).Concat(profile.Alarms.Select(a => a.Oid)).Distinct().Select(oid => (oid, objects[oid].Read))],
                sink, options.TrapCommunity, upTime);
        _processor = MessageProcessor.ForAgent(new SnmpAgentOptions { Communities = new CommunityOptions { ReadCommunity = options.Community, WriteCommunity = options.WriteCommunity } },
            tree, counters, TransmitterTwinUsm.Models(options.User, engine));
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, options.Port));
        _loop = Task.Run(ReceiveLoop);
    }

    public TransmitterState State { get; }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>"127.0.0.1:PORT", the driver's <c>address</c> setting.</summary>
    public string Address => $"127.0.0.1:{EndPoint.Port}";

    /// <summary>How many SETs the twin has committed (a test sees a command that was never sent, or sent twice).</summary>
    public int Sets => Volatile.Read(ref _sets);

    /// <summary>How long the twin waits before answering each request (zero: at once).</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Answers arrive cut short (a failing serial-to-SNMP gateway, a damaged datagram): a manager must drop them.</summary>
    public bool GarbleReplies { get; set; }

    public void Inject(TransmitterFault fault) => State.Inject(fault);

    public void Clear(TransmitterFault fault) => State.Clear(fault);

    private bool Counted(bool done)
    {
        if (done) Interlocked.Increment(ref _sets);
        return done;
    }

    private Func<SnmpValue> Number(string name, double scale) => () => new Gauge32((uint)Math.Max(0, Math.Round(name switch
    {
        "forwardPower" => State.ForwardWatts,
        "reflectedPower" => State.ReflectedWatts,
        "vswr" => State.Vswr,
        _ => State.TemperatureCelsius,
    } / scale)));

    private Func<SnmpValue> StateRead(ProfileState state) => () => new Integer32(state.Name switch
    {
        "rf" => State.RfOn ? 1 : 2,
        "path" => State.Reserve ? 2 : 1,
        "exciter" => State.ExciterB ? 2 : 1,
        "output" => State.DummyLoad ? 2 : 1,
        "power" => (int)Math.Round(State.PowerPercent / state.Scale),
        _ => 1, // mode: always remote

    });

    private Func<SnmpValue> Flag(string name) => () => new Integer32(name switch
    {
        "vswr" => State.VswrTripped,
        "temperature" => State.Has(TransmitterFault.OverTemperature),
        "exciter" => State.Has(TransmitterFault.ExciterFailure),
        _ => State.Has(TransmitterFault.RfMute),
    } ? 1 : 2);

    private Func<int, bool> Writer(string command) => value =>
    {
        switch (command, value)
        {
            case ("rf", 1 or 2): State.RfOn = value == 1; return true;
            case ("power", >= 0 and <= 110): State.PowerPercent = value; return true;
            case ("changeover", 1 or 2): State.Reserve = value == 2; return true;
            case ("exciter", 1 or 2): State.ExciterB = value == 2; return true;
            case ("output", 1 or 2): State.DummyLoad = value == 2; return true;
            case ("reset", 1): State.ResetFaults(); return true;
            default: return false;
        }
    };

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
            if (State.Has(TransmitterFault.CommunicationsLoss))
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
            // Closing: the request goes unanswered, as a switched-off controller's would.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        if (_traps is not null)
            await _traps.DisposeAsync();
        _stop.Dispose();
    }
}
