using Playout.Devices.Transmitter;
using Playout.HwSim.Snmp;
using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Security;

namespace Playout.HwSim.Encoder;

/// <summary>
/// An external IP encoder on loopback: an SNMP agent (<see cref="ProfileTwin"/>) serving an encoder profile's objects
/// from an <see cref="EncoderState"/>: the service started and stopped, the bitrate set, with faults injected from code
/// (<see cref="EncoderFault"/>: input loss, encoder failure, communications loss) and slow or garbled replies. The profile
/// must use the generic encoder profile's names (service, bitrate, input, outputBitrate, encoder).
/// </summary>
public sealed class EncoderTwin : ProfileTwin
{
    /// <summary>sysObjectID of the twin: the generic encoder arc.</summary>
    private static readonly Oid TwinObjectId = Oid.Parse("1.3.6.1.4.1.32473.30");

    public EncoderTwin(TransmitterProfile profile, EncoderTwinOptions options) : this(profile, options, new EncoderState())
    {
    }

    private EncoderTwin(TransmitterProfile profile, EncoderTwinOptions options, EncoderState state)
        : base(profile, new EncoderModel(state), new SystemInfo(options.Description, TwinObjectId, "", "encoder twin", "hw-sim"),
            new CommunityOptions { ReadCommunity = options.Community, WriteCommunity = options.WriteCommunity }, options.Port, "encoder") =>
        State = state;

    public EncoderState State { get; }

    public void Inject(EncoderFault fault) => State.Inject(fault);

    public void Clear(EncoderFault fault) => State.Clear(fault);
}
