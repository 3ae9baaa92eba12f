namespace Playout.HwSim.Transmitter;

/// <summary>What a test can do to the transmitter twin.</summary>
public enum TransmitterFault
{
    /// <summary>High reflected power: RF goes off and the VSWR alarm latches until a fault reset.</summary>
    VswrTrip,

    /// <summary>The PA runs hot: the temperature reads high and its alarm stands until the fault is cleared.</summary>
    OverTemperature,

    /// <summary>The active exciter fails: the twin switches to the other one and raises the exciter alarm.</summary>
    ExciterFailure,

    /// <summary>RF stays "on" but no power leaves the transmitter; the mute alarm stands.</summary>
    RfMute,

    /// <summary>The controller stops answering SNMP (requests are dropped).</summary>
    CommunicationsLoss,
}
