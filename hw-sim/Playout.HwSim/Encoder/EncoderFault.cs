namespace Playout.HwSim.Encoder;

/// <summary>What a test can do to the encoder twin.</summary>
public enum EncoderFault
{
    /// <summary>The encoder's input goes away (a pulled SDI or a dead stream): the input reads lost; the output goes on.</summary>
    InputLoss,

    /// <summary>The encoding fails: the service still reads running, but nothing leaves the encoder; the encoder alarm stands.</summary>
    EncoderFailure,

    /// <summary>The encoder stops answering SNMP (requests are dropped).</summary>
    CommunicationsLoss,
}
