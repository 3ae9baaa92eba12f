using System.Net;
using Playout.Devices.Transmitter;
using Playout.HwSim.Snmp;
using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Security;

namespace Playout.HwSim.Transmitter;

/// <summary>
/// A transmitter controller on loopback: an SNMP agent (<see cref="ProfileAgent"/>) serving a profile's objects, scalars
/// or table rows, from a <see cref="TransmitterState"/>, with faults injected from code: the transmitter's own
/// (<see cref="TransmitterFault"/>), communications loss (requests dropped), slow replies (<see cref="ReplyDelay"/>) and
/// garbled ones (<see cref="GarbleReplies"/>). The profile must use the generic profile's names (forwardPower, rf, vswr…);
/// its encodings (scales, offsets, value words, alarm bits) are its own.
/// </summary>
public sealed class TransmitterTwin : IAsyncDisposable
{
    /// <summary>sysObjectID of the twin: the generic transmitter arc.</summary>
    private static readonly Oid TwinObjectId = Oid.Parse("1.3.6.1.4.1.32473.20");

    private readonly ProfileAgent _agent;

    public TransmitterTwin(TransmitterProfile profile, TransmitterTwinOptions options)
    {
        State = new TransmitterState(options.Time, options.NominalWatts, options.RampTime);
        _agent = new ProfileAgent(profile, new TransmitterModel(State), new SystemInfo(options.Description, TwinObjectId, "", "transmitter twin", "hw-sim"),
            new CommunityOptions { ReadCommunity = options.Community, WriteCommunity = options.WriteCommunity }, options.Port, "transmitter");
    }

    public TransmitterState State { get; }

    public IPEndPoint EndPoint => _agent.EndPoint;

    /// <summary>"127.0.0.1:PORT", the driver's <c>address</c> setting.</summary>
    public string Address => $"127.0.0.1:{EndPoint.Port}";

    /// <summary>How many SETs the twin has committed (a test sees a command that was never sent, or sent twice).</summary>
    public int Sets => _agent.Sets;

    /// <summary>How long the twin waits before answering each request (zero: at once).</summary>
    public TimeSpan ReplyDelay { get => _agent.ReplyDelay; set => _agent.ReplyDelay = value; }

    /// <summary>Answers arrive cut short (a failing serial-to-SNMP gateway, a damaged datagram): a manager must drop them.</summary>
    public bool GarbleReplies { get => _agent.GarbleReplies; set => _agent.GarbleReplies = value; }

    public void Inject(TransmitterFault fault) => State.Inject(fault);

    public void Clear(TransmitterFault fault) => State.Clear(fault);

    public ValueTask DisposeAsync() => _agent.DisposeAsync();
}
