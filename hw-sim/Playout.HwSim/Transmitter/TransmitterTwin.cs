using Playout.Devices.Transmitter;
using Playout.HwSim.Snmp;
using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Security;

namespace Playout.HwSim.Transmitter;

/// <summary>
/// A transmitter controller on loopback: an SNMP agent (<see cref="ProfileTwin"/>) serving a profile's objects, scalars
/// or table rows, from a <see cref="TransmitterState"/>, with faults injected from code: the transmitter's own
/// (<see cref="TransmitterFault"/>: <see cref="TransmitterFault.CommunicationsLoss"/> drops requests), and slow or garbled
/// replies; traps to a sink on changes (<see cref="TransmitterTraps"/>). The profile must use the generic profile's names
/// (forwardPower, rf, vswr…); its encodings (scales, offsets, value words, alarm bits) are its own.
/// </summary>
public sealed class TransmitterTwin : ProfileTwin
{
    /// <summary>sysObjectID of the twin: the generic transmitter arc.</summary>
    private static readonly Oid TwinObjectId = Oid.Parse("1.3.6.1.4.1.32473.20");

    private readonly TransmitterTraps? _traps;

    public TransmitterTwin(TransmitterProfile profile, TransmitterTwinOptions options)
        : this(profile, options, new TransmitterState(options.Time, options.NominalWatts, options.RampTime))
    {
    }

    private TransmitterTwin(TransmitterProfile profile, TransmitterTwinOptions options, TransmitterState state)
        : base(profile, new TransmitterModel(state), new SystemInfo(options.Description, TwinObjectId, "", "transmitter twin", "hw-sim"),
            new CommunityOptions { ReadCommunity = options.Community, WriteCommunity = options.WriteCommunity }, options.Port, "transmitter", options.User)
    {
        State = state;
        if (options.TrapSink is { } sink)
            _traps = new TransmitterTraps(State, [.. profile.States.Select(s => s.Oid).Concat(profile.Alarms.Select(a => a.Oid)).Distinct().Select(oid => (oid, Objects[oid]))],
                sink, options.TrapCommunity, UpTime);
    }

    public TransmitterState State { get; }

    public void Inject(TransmitterFault fault) => State.Inject(fault);

    public void Clear(TransmitterFault fault) => State.Clear(fault);

    private protected override ValueTask DisposeModelAsync() => _traps?.DisposeAsync() ?? ValueTask.CompletedTask;
}
