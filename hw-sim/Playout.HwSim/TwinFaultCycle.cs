using Playout.HwSim.Transmitter;
using Playout.HwSim.Videohub;

namespace Playout.HwSim;

/// <summary>
/// Every fault a transmitter twin and a router twin take, one after another (VSWR trip, RF mute, comms loss, garbled
/// replies with the router hung, slow replies with the router's links dropped, then healthy with RF on again): what a
/// soak or a bench cycles through while a channel is on air beside the devices.
/// </summary>
public sealed class TwinFaultCycle(TransmitterTwin transmitter, VideohubTwin router)
{
    public const int Steps = 6;

    /// <summary>Clears the last step's faults and injects step <paramref name="step"/>'s (taken modulo <see cref="Steps"/>); negative: none.</summary>
    public void Step(int step)
    {
        foreach (var fault in Enum.GetValues<TransmitterFault>())
            transmitter.Clear(fault);
        transmitter.GarbleReplies = false;
        transmitter.ReplyDelay = TimeSpan.Zero;
        router.SetFault(VideohubFault.Hang, false);
        switch (step < 0 ? -1 : step % Steps)
        {
            case 0: transmitter.Inject(TransmitterFault.VswrTrip); break;
            case 1: transmitter.State.ResetFaults(); transmitter.Inject(TransmitterFault.RfMute); break;
            case 2: transmitter.Inject(TransmitterFault.CommunicationsLoss); break;
            case 3: transmitter.GarbleReplies = true; router.SetFault(VideohubFault.Hang, true); break;
            case 4: transmitter.ReplyDelay = TimeSpan.FromMilliseconds(150); router.DropLinks(); break;
            case 5: transmitter.State.RfOn = true; break;
        }
    }
}
